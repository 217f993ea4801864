/**
 * Seeded random campaigns: FIRM's anomaly injector recipe and one-fault-at-a-time campaigns for
 * localization problems, built from typical instances of every fault kind.
 */
package dev.trimtab.faults.generate;
