package dev.trimtab.rca.online;

import dev.trimtab.rca.trace.Span;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;

/** One OpenTelemetry span as a model span. */
final class Spans {
  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

  private Spans() {}

  static Span of(SpanData s) {
    var parent = s.getParentSpanContext();
    String service = s.getResource().getAttribute(SERVICE);
    return new Span(
        s.getSpanContext().getTraceId(),
        s.getSpanContext().getSpanId(),
        parent.isValid() ? parent.getSpanId() : null,
        service == null ? "unknown_service" : service,
        s.getName(),
        s.getStartEpochNanos(),
        Math.max(s.getStartEpochNanos(), s.getEndEpochNanos()),
        s.getStatus().getStatusCode() == StatusCode.ERROR,
        false);
  }
}
