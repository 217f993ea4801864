package dev.trimtab.testbed.live.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OTLP protobuf export requests into {@link SpanFolder.RawSpan}s and {@link MetricStore}
 * points. A server span's endpoint is its {@code trimtab.endpoint} attribute; where a service did
 * not set it, the endpoint comes from the call's path ({@code /trimtab/call/ENDPOINT/NODE}). Server
 * spans of anything else (health checks, the testbed's admin and Chaos Monkey calls) are not calls
 * of the topology and are left out.
 */
public final class OtlpDecoder {
  private static final String CALL_PATH = "/trimtab/call/";

  private OtlpDecoder() {}

  public static List<SpanFolder.RawSpan> spans(ExportTraceServiceRequest request) {
    List<SpanFolder.RawSpan> out = new ArrayList<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      String service = serviceName(rs.getResource());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          SpanFolder.RawSpan raw = raw(service, s);
          if (!raw.server() || !raw.endpoint().isEmpty()) {
            out.add(raw);
          }
        }
      }
    }
    return out;
  }

  private static SpanFolder.RawSpan raw(String service, Span s) {
    byte[] trace = s.getTraceId().toByteArray();
    boolean server = s.getKind() == Span.SpanKind.SPAN_KIND_SERVER;
    String endpoint = text(s.getAttributesList(), "trimtab.endpoint");
    if (endpoint == null && server) {
      endpoint = endpointFromPath(text(s.getAttributesList(), "url.path"));
    }
    return new SpanFolder.RawSpan(
        trace.length == 16 ? longAt(trace, 0) : 0,
        trace.length == 16 ? longAt(trace, 8) : 0,
        id(s.getSpanId().toByteArray()),
        id(s.getParentSpanId().toByteArray()),
        server,
        service,
        s.getName(),
        endpoint == null ? "" : endpoint,
        s.getStartTimeUnixNano(),
        Math.max(s.getStartTimeUnixNano(), s.getEndTimeUnixNano()),
        s.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR);
  }

  /** {@code /trimtab/call/search/3} gives {@code search}; anything else null. */
  static String endpointFromPath(String path) {
    if (path == null || !path.startsWith(CALL_PATH)) {
      return null;
    }
    int slash = path.indexOf('/', CALL_PATH.length());
    return slash < 0 ? null : path.substring(CALL_PATH.length(), slash);
  }

  /** Stores every gauge and sum data point of the request. */
  public static void metrics(ExportMetricsServiceRequest request, MetricStore store) {
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      String service = serviceName(rm.getResource());
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          List<NumberDataPoint> points =
              m.hasSum()
                  ? m.getSum().getDataPointsList()
                  : m.hasGauge() ? m.getGauge().getDataPointsList() : List.of();
          for (NumberDataPoint p : points) {
            double v =
                p.getValueCase() == NumberDataPoint.ValueCase.AS_INT
                    ? p.getAsInt()
                    : p.getAsDouble();
            store.put(
                service, m.getName(), attributes(p.getAttributesList()), v, p.getTimeUnixNano());
          }
        }
      }
    }
  }

  private static String serviceName(Resource r) {
    String name = text(r.getAttributesList(), "service.name");
    return name == null ? "unknown_service" : name;
  }

  private static String text(List<KeyValue> attributes, String key) {
    for (KeyValue kv : attributes) {
      if (kv.getKey().equals(key)
          && kv.getValue().getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
        return kv.getValue().getStringValue();
      }
    }
    return null;
  }

  private static String attributes(List<KeyValue> attributes) {
    StringBuilder b = new StringBuilder();
    for (KeyValue kv : attributes) {
      b.append(kv.getKey()).append('=').append(kv.getValue().toString().strip()).append(';');
    }
    return b.toString();
  }

  private static long id(byte[] bytes) {
    return bytes.length == 8 ? longAt(bytes, 0) : 0;
  }

  private static long longAt(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }
}
