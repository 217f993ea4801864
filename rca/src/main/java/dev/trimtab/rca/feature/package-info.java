/**
 * Per-service statistics over a window of traces (critical-path self time and inbound wait, FIRM's
 * RI and CI, error origins, span latencies) and the feature vectors the SVM ranks, each a change
 * against a fault-free reference window where it needs one.
 */
package dev.trimtab.rca.feature;
