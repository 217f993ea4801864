/**
 * Root-cause analysis in the manner of FIRM (OSDI'20): import distributed traces, extract each
 * trace's critical path, compute per-service features over a window of traces, and rank the
 * services an SVM thinks caused the window's latency. See {@code docs/rca.md}.
 */
package dev.trimtab.rca;
