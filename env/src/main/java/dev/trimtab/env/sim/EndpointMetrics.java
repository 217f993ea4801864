package dev.trimtab.env.sim;

/**
 * One endpoint over one control interval, as its clients saw it.
 *
 * @param sloLatencyMs the latency at the SLO's percentile, counting failed requests as infinitely
 *     slow ({@code +Infinity} when the failures alone reach the percentile; 0 with no requests)
 * @param sloViolated whether that latency exceeded the SLO bound
 * @param sloAttainment share of the requests answered in the interval (completed or failed) that
 *     completed within the SLO's latency bound; 1 when none were answered
 */
public record EndpointMetrics(
    String endpoint,
    long arrived,
    long completed,
    long failed,
    double p50Ms,
    double p99Ms,
    double sloLatencyMs,
    boolean sloViolated,
    double sloAttainment) {

  /** Without attainment (taken as 1 when the SLO holds, else 0): for hand-built metrics. */
  public EndpointMetrics(
      String endpoint,
      long arrived,
      long completed,
      long failed,
      double p50Ms,
      double p99Ms,
      double sloLatencyMs,
      boolean sloViolated) {
    this(
        endpoint,
        arrived,
        completed,
        failed,
        p50Ms,
        p99Ms,
        sloLatencyMs,
        sloViolated,
        sloViolated ? 0 : 1);
  }
}
