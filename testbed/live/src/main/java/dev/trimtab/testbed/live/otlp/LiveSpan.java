package dev.trimtab.testbed.live.otlp;

import dev.trimtab.env.sim.SpanSink;

/**
 * One call as a live service reported it: the server span of the call, its parent the caller's
 * server span (client spans folded away), the shape of a simulated span.
 *
 * @param parentSpanId the caller's server span id, 0 for a request's root call
 * @param endpoint the client-facing endpoint the request called ({@code trimtab.endpoint})
 * @param startEpochNanos wall-clock start, nanoseconds since the Unix epoch
 * @param error whether the call failed (status ERROR)
 */
public record LiveSpan(
    long traceIdHigh,
    long traceIdLow,
    long spanId,
    long parentSpanId,
    String service,
    String operation,
    String endpoint,
    long startEpochNanos,
    long endEpochNanos,
    boolean error) {

  public long durationNanos() {
    return endEpochNanos - startEpochNanos;
  }

  /**
   * Hands the span to a simulator span sink, with times in milliseconds since {@code
   * runStartEpochNanos}, as the simulator reports them.
   */
  public void sendTo(SpanSink sink, long runStartEpochNanos) {
    sink.onSpan(
        traceIdHigh,
        traceIdLow,
        spanId,
        parentSpanId,
        service,
        operation,
        endpoint,
        (startEpochNanos - runStartEpochNanos) / 1e6,
        (endEpochNanos - runStartEpochNanos) / 1e6,
        error);
  }
}
