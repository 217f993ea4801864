package dev.trimtab.rca.trace;

import java.util.Objects;

/**
 * One span, whatever format it came from: the smallest common shape of OpenTelemetry, Jaeger,
 * Zipkin and the Nezha CSV that critical paths and features need.
 *
 * @param traceId lower-case hex (or the source's id string, lower-cased)
 * @param spanId unique within its trace
 * @param parentId the parent's span id, or null for a root
 * @param service the service that produced the span (OTel {@code service.name}, Jaeger process,
 *     Zipkin local endpoint, Nezha pod without its hash suffixes)
 * @param operation the span's name
 * @param startNanos start, nanoseconds since the Unix epoch
 * @param endNanos end, at or after the start
 * @param error whether the span reports a failure
 * @param followsFrom whether the source marks the parent link as asynchronous (Jaeger {@code
 *     FOLLOWS_FROM}); such a child is never on its parent's critical path
 */
public record Span(
    String traceId,
    String spanId,
    String parentId,
    String service,
    String operation,
    long startNanos,
    long endNanos,
    boolean error,
    boolean followsFrom) {

  public Span {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(service, "service");
    operation = operation == null ? "" : operation;
    if (endNanos < startNanos) {
      throw new IllegalArgumentException(
          "span " + spanId + " ends at " + endNanos + " before it starts at " + startNanos);
    }
  }

  /** A synchronous span without error: the common case in tests. */
  public static Span of(
      String traceId, String spanId, String parentId, String service, long startNs, long endNs) {
    return new Span(traceId, spanId, parentId, service, "", startNs, endNs, false, false);
  }

  public long durationNanos() {
    return endNanos - startNanos;
  }

  public boolean isRoot() {
    return parentId == null;
  }
}
