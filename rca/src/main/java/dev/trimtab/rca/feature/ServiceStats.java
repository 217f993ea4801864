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
 * @param entrySpans its spans called from another service (or roots): the calls it served
 * @param meanEntryMs mean duration of those: its response time as measured at the service
 * @param meanHopMs mean time a call into it spent outside it, seen from the caller: the caller's
 *     client span minus the service's span when the caller has one (OpenTelemetry client spans),
 *     else from when the caller could call it (its start, or the end of its previous call) to the
 *     service's span start
 * @param callsOutPerEntry spans of other services it called, per entry span: its fan-out
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
    double p99SpanMs,
    int entrySpans,
    double meanEntryMs,
    double meanHopMs,
    double callsOutPerEntry) {
  public static final double CI_CAP = 100;

  /** A service absent from the window. */
  public static final ServiceStats ABSENT =
      new ServiceStats(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Critical-path statistics without the per-call ones (tests, hand-built windows). */
  public ServiceStats(
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
    this(
        traces,
        onPath,
        meanSelfMs,
        meanInboundMs,
        ri,
        ci,
        pathShare,
        errorOrigins,
        meanSpanMs,
        p99SpanMs,
        0,
        0,
        0,
        0);
  }
}
