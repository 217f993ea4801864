package dev.trimtab.testbed.live.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests built with the official OTLP proto classes, posted as the agent posts them. */
class OtlpReceiverTest {
  private OtlpReceiver receiver;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    receiver = OtlpReceiver.start(0, new SpanFolder(1000), new MetricStore(), () -> 0L);
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder()
        .setKey(k)
        .setValue(AnyValue.newBuilder().setStringValue(v))
        .build();
  }

  private static ByteString id(long hi, long lo, int bytes) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(bytes);
    if (bytes == 16) {
      b.putLong(hi);
    }
    b.putLong(lo);
    return ByteString.copyFrom(b.array());
  }

  private static ResourceSpans service(String name, Span... spans) {
    return ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", name)))
        .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))
        .build();
  }

  private static Span span(long id, long parent, Span.SpanKind kind, String name, long start) {
    Span.Builder s =
        Span.newBuilder()
            .setTraceId(id(0x0102030405060708L, 0x1112131415161718L, 16))
            .setSpanId(id(0, id, 8))
            .setKind(kind)
            .setName(name)
            .setStartTimeUnixNano(start)
            .setEndTimeUnixNano(start + 1_000_000);
    if (parent != 0) {
      s.setParentSpanId(id(0, parent, 8));
    }
    return s.build();
  }

  private int post(String path, byte[] body, String type, boolean gzip) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(receiver.endpoint() + path)).header("Content-Type", type);
    if (gzip) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
        z.write(body);
      }
      body = bytes.toByteArray();
      b.header("Content-Encoding", "gzip");
    }
    return http.send(
            b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void tracesArriveAsFoldedServerSpansWithEndpointAndError() throws Exception {
    Span root =
        span(1, 0, Span.SpanKind.SPAN_KIND_SERVER, "home", 1000).toBuilder()
            .addAttributes(kv("trimtab.endpoint", "home"))
            .build();
    Span call = span(2, 1, Span.SpanKind.SPAN_KIND_CLIENT, "GET", 1100);
    Span db =
        span(3, 2, Span.SpanKind.SPAN_KIND_SERVER, "GET /trimtab/call/home/1", 1200).toBuilder()
            .addAttributes(kv("url.path", "/trimtab/call/home/1"))
            .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR))
            .build();
    byte[] body =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(service("frontend", root, call))
            .addResourceSpans(service("db", db))
            .build()
            .toByteArray();
    assertEquals(200, post("/v1/traces", body, "application/x-protobuf", true));
    List<LiveSpan> spans = receiver.spans().drain(0, 1);
    assertEquals(2, spans.size());
    LiveSpan dbSpan =
        spans.stream().filter(s -> s.service().equals("db")).findFirst().orElseThrow();
    assertEquals(1, dbSpan.parentSpanId());
    assertEquals("home", dbSpan.endpoint(), "from the path when the attribute is missing");
    assertTrue(dbSpan.error());
    assertEquals(0x0102030405060708L, dbSpan.traceIdHigh());
    assertEquals(0x1112131415161718L, dbSpan.traceIdLow());
    assertEquals(3, receiver.spansReceived());
  }

  @Test
  void metricsKeepTheLatestValuePerAttributeSet() throws Exception {
    Metric used =
        Metric.newBuilder()
            .setName("jvm.memory.used")
            .setSum(
                Sum.newBuilder()
                    .addDataPoints(point(100, 5, "heap"))
                    .addDataPoints(point(50, 5, "nonheap"))
                    .addDataPoints(point(90, 1, "heap")))
            .build();
    Metric cpu =
        Metric.newBuilder()
            .setName("jvm.cpu.recent_utilization")
            .setGauge(Gauge.newBuilder().addDataPoints(point(0.25, 5, "")))
            .build();
    byte[] body =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(kv("service.name", "db")))
                    .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(used).addMetrics(cpu)))
            .build()
            .toByteArray();
    assertEquals(200, post("/v1/metrics", body, "application/x-protobuf", false));
    assertEquals(150, receiver.metrics().sum("db", "jvm.memory.used"), "100 heap (newer) + 50");
    assertEquals(0.25, receiver.metrics().sum("db", "jvm.cpu.recent_utilization"));
    assertTrue(Double.isNaN(receiver.metrics().sum("db", "nothing")));
  }

  private static NumberDataPoint point(double v, long time, String pool) {
    NumberDataPoint.Builder p = NumberDataPoint.newBuilder().setAsDouble(v).setTimeUnixNano(time);
    if (!pool.isEmpty()) {
      p.addAttributes(kv("jvm.memory.pool.name", pool));
    }
    return p.build();
  }

  @Test
  void otherMediaTypesAndMalformedBodiesAreRefusedAsOtlpSays() throws Exception {
    assertEquals(415, post("/v1/traces", "{}".getBytes(), "application/json", false));
    assertEquals(
        400, post("/v1/traces", new byte[] {(byte) 0xff, 1, 2}, "application/x-protobuf", false));
    assertEquals(200, post("/v1/logs", new byte[0], "application/x-protobuf", false));
    assertEquals(2, receiver.rejected());
  }
}
