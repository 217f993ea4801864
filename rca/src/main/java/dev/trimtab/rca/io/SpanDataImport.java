package dev.trimtab.rca.io;

import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceBatch;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;

/**
 * OpenTelemetry SDK spans in memory (the simulator's {@code SpanRecorder}, or an {@code
 * InMemorySpanExporter}) into traces, without a file in between. The service is the resource's
 * {@code service.name}; a span is an error when its status is {@code ERROR}.
 */
public final class SpanDataImport {
  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private SpanDataImport() {}

  public static TraceBatch traces(Collection<? extends SpanData> spans) {
    return traces(spans, ImportLimits.DEFAULT);
  }

  public static TraceBatch traces(Collection<? extends SpanData> spans, ImportLimits limits) {
    TraceAssembler out = new TraceAssembler("spans in memory", limits);
    for (SpanData s : spans) {
      add(s, out);
    }
    return out.assemble();
  }

  /** Adds one span to an assembler that may hold spans from elsewhere. */
  public static void add(SpanData s, TraceAssembler out) {
    var parent = s.getParentSpanContext();
    String service = s.getResource().getAttribute(SERVICE_NAME);
    out.add(
        s.getSpanContext().getTraceId(),
        s.getSpanContext().getSpanId(),
        parent.isValid() ? parent.getSpanId() : null,
        service == null ? "unknown_service" : service,
        s.getName(),
        s.getStartEpochNanos(),
        s.getEndEpochNanos(),
        s.getStatus().getStatusCode() == StatusCode.ERROR,
        false);
  }
}
