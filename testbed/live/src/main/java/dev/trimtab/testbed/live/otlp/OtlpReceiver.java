package dev.trimtab.testbed.live.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on 127.0.0.1: {@code POST /v1/traces} and {@code /v1/metrics} with protobuf
 * bodies ({@code application/x-protobuf}, optionally gzip), the OpenTelemetry Java agent's default
 * protocol. Logs ({@code /v1/logs}) are accepted and dropped. Spans go to a {@link SpanFolder},
 * metric points to a {@link MetricStore}. Malformed bodies get HTTP 400, other media types 415, as
 * the OTLP specification asks.
 */
public final class OtlpReceiver implements AutoCloseable {
  /** Largest request body accepted. */
  static final int MAX_BODY_BYTES = 32 << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final SpanFolder spans;
  private final MetricStore metrics;
  private final LongSupplier nanoClock;
  private final AtomicLong spanCount = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  private OtlpReceiver(
      HttpServer server, SpanFolder spans, MetricStore metrics, LongSupplier nanoClock) {
    this.server = server;
    this.spans = spans;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "otlp-receiver");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/v1/traces", this::traces);
    server.createContext("/v1/metrics", this::metrics);
    server.createContext("/v1/logs", e -> answer(e, 200, new byte[0]));
  }

  /**
   * Listens on 127.0.0.1:{@code port} (0 picks a free port).
   *
   * @param nanoClock a monotonic clock for the folder's waiting spans ({@code System::nanoTime})
   */
  public static OtlpReceiver start(
      int port, SpanFolder spans, MetricStore metrics, LongSupplier nanoClock) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
      OtlpReceiver receiver = new OtlpReceiver(server, spans, metrics, nanoClock);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL an agent exports to ({@code otel.exporter.otlp.endpoint}). */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  public SpanFolder spans() {
    return spans;
  }

  public MetricStore metrics() {
    return metrics;
  }

  /** Spans received so far, server and client. */
  public long spansReceived() {
    return spanCount.get();
  }

  /** Requests refused as malformed or of another media type. */
  public long rejected() {
    return rejected.get();
  }

  private void traces(HttpExchange e) throws IOException {
    byte[] body = body(e);
    if (body == null) {
      return;
    }
    ExportTraceServiceRequest request;
    try {
      request = ExportTraceServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException x) {
      reject(e, 400, "not an OTLP ExportTraceServiceRequest: " + x.getMessage());
      return;
    }
    var decoded = OtlpDecoder.spans(request);
    spanCount.addAndGet(decoded.size());
    spans.add(decoded, nanoClock.getAsLong());
    answer(e, 200, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
  }

  private void metrics(HttpExchange e) throws IOException {
    byte[] body = body(e);
    if (body == null) {
      return;
    }
    try {
      OtlpDecoder.metrics(ExportMetricsServiceRequest.parseFrom(body), metrics);
    } catch (InvalidProtocolBufferException x) {
      reject(e, 400, "not an OTLP ExportMetricsServiceRequest: " + x.getMessage());
      return;
    }
    answer(e, 200, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
  }

  /** The request body, or null after answering an error. */
  private byte[] body(HttpExchange e) throws IOException {
    if (!"POST".equals(e.getRequestMethod())) {
      reject(e, 405, "POST only");
      return null;
    }
    String type = e.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/x-protobuf")) {
      reject(e, 415, "only application/x-protobuf is accepted, got " + type);
      return null;
    }
    InputStream in = e.getRequestBody();
    if ("gzip".equalsIgnoreCase(e.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      reject(e, 413, "body over " + MAX_BODY_BYTES + " bytes");
      return null;
    }
    return body;
  }

  private void reject(HttpExchange e, int status, String why) throws IOException {
    rejected.incrementAndGet();
    answer(e, status, why.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void answer(HttpExchange e, int status, byte[] body) throws IOException {
    e.getResponseHeaders()
        .set("Content-Type", status == 200 ? "application/x-protobuf" : "text/plain");
    e.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(body);
    }
    e.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
