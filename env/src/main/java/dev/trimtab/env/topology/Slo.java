package dev.trimtab.env.topology;

/**
 * A latency service-level objective: the given percentile of end-to-end latency stays below a
 * bound.
 */
public record Slo(double percentile, double latencyMs) {}
