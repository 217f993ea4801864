package dev.trimtab.env.sim;

/**
 * One endpoint over one control interval, as its clients saw it.
 *
 * @param sloLatencyMs the latency at the SLO's percentile, counting failed requests as infinitely
 *     slow ({@code +Infinity} when the failures alone reach the percentile; 0 with no requests)
 * @param sloViolated whether that latency exceeded the SLO bound
 */
public record EndpointMetrics(
    String endpoint,
    long arrived,
    long completed,
    long failed,
    double p50Ms,
    double p99Ms,
    double sloLatencyMs,
    boolean sloViolated) {}
