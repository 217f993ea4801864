package dev.trimtab.env.sim;

/**
 * Receives one server span per call of each sampled request, when the call ends. Times are
 * simulated milliseconds since the run's start. The simulator passes primitives and names it
 * already holds, so an unsampled request costs nothing and a sampled one allocates only what the
 * sink does.
 */
@FunctionalInterface
public interface SpanSink {

  /**
   * @param traceIdHigh high 64 bits of the trace id (constant within a run)
   * @param traceIdLow low 64 bits of the trace id (one per request)
   * @param spanId this call's span id, never 0
   * @param parentSpanId the caller's span id, or 0 for the request's root call
   * @param endpoint the endpoint the request called
   * @param startMs when the call reached the service
   * @param endMs when the service finished it (its last step ended) or gave up on it
   * @param error whether the call failed (its own error, a timeout, a crash or a failed child)
   */
  void onSpan(
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      long parentSpanId,
      String service,
      String operation,
      String endpoint,
      double startMs,
      double endMs,
      boolean error);
}
