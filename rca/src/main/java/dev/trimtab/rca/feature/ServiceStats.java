package dev.trimtab.rca.feature;

/**
 * What one service did in a window of traces.
 *
 * @param traces traces in which the service has a span
 * @param onPath traces in which it has a span on the critical path
 * @param meanSelfMs mean, over traces where it is on the path, of its summed self time there
 * @param meanInboundMs the same for its inbound wait
 * @param ri FIRM's RI: Pearson correlation, over traces where it is on the path, between its
 *     latency on the path (self plus inbound) and the trace's end-to-end latency; 0 when undefined
 * @param ci FIRM's CI: p99 over p50 of that latency, capped at {@link #CI_CAP}; 1 when undefined
 * @param pathShare its latency on the path summed over the window, over the summed end-to-end
 *     latency of the window's traces
 * @param errorOrigins traces in which one of its spans failed while none of that span's children
 *     did: the deepest failure, where an error started
 * @param meanSpanMs mean duration of all its spans (critical or not, children included)
 * @param p99SpanMs p99 of all its spans' durations
 */
public record ServiceStats(
    int traces,
    int onPath,
    double meanSelfMs,
    double meanInboundMs,
    double ri,
    double ci,
    double pathShare,
    int errorOrigins,
    double meanSpanMs,
    double p99SpanMs) {
  public static final double CI_CAP = 100;

  /** A service absent from the window. */
  public static final ServiceStats ABSENT = new ServiceStats(0, 0, 0, 0, 0, 1, 0, 0, 0, 0);
}
