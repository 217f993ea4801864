/**
 * Typed fault specifications: a sealed set of validated records, one per fault kind, each with its
 * timing ({@code startS}, {@code durationS}), its target selector (service faults) and its
 * intensity or kind-specific magnitude. Code that handles every kind implements {@link
 * dev.trimtab.faults.spec.FaultVisitor}, so a new kind fails to compile until it is handled.
 */
package dev.trimtab.faults.spec;
