package dev.trimtab.rca.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.telemetry.OtlpJsonSpanWriter;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.rca.path.LongestPath;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Known answers from hand-written files of each published schema, and round trips. */
class FormatsTest {

  static Path resource(String name) {
    try {
      return Path.of(FormatsTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static TraceBatch read(byte[] bytes, TraceFormat f) {
    TraceAssembler a = new TraceAssembler("bytes", ImportLimits.DEFAULT);
    TraceFiles.read(new ByteArrayInputStream(bytes), f, "bytes", a);
    return a.assemble();
  }

  static Span span(Trace t, String id) {
    return t.spans().stream().filter(s -> s.spanId().equals(id)).findFirst().orElseThrow();
  }

  /** A Jaeger UI export (HotROD-like): processes, CHILD_OF and FOLLOWS_FROM, error tag, logs. */
  @Test
  void jaegerKnownAnswer() {
    Path f = resource("jaeger-hotrod.json");
    assertEquals(TraceFormat.JAEGER_JSON, TraceFiles.detect(f, ImportLimits.DEFAULT));
    TraceBatch b = TraceFiles.read(f);
    assertEquals(1, b.traces().size());
    Trace t = b.traces().get(0);
    assertEquals("4c5e5e2bbd0a3a2f", t.traceId());
    assertEquals(4, t.size());
    assertEquals(
        new Span(
            "4c5e5e2bbd0a3a2f",
            "2b3c4d5e6f708192",
            "1a2b3c4d5e6f7081",
            "mysql",
            "SQL SELECT",
            1_700_000_000_000_700_000L,
            1_700_000_000_300_700_000L,
            true,
            false),
        span(t, "2b3c4d5e6f708192"));
    Span publish = span(t, "3c4d5e6f708192a3");
    assertEquals("frontend", publish.service());
    assertTrue(publish.followsFrom());
    assertEquals(730_412_000L, t.durationNanos());
    assertEquals(
        List.of("4c5e5e2bbd0a3a2f", "1a2b3c4d5e6f7081", "2b3c4d5e6f708192"),
        LongestPath.of(t).spanIds());
  }

  /** Zipkin v2 (the API's JSON): a client span and a server span sharing its id. */
  @Test
  void zipkinKnownAnswer() {
    Path f = resource("zipkin-v2.json");
    assertEquals(TraceFormat.ZIPKIN_JSON, TraceFiles.detect(f, ImportLimits.DEFAULT));
    Trace t = TraceFiles.read(f).traces().get(0);
    assertEquals(3, t.size());
    Span server = span(t, "6b221d5bc9e6496c" + ZipkinJsonReader.SHARED_SERVER_SUFFIX);
    assertEquals("6b221d5bc9e6496c", server.parentId());
    assertEquals("backend", server.service());
    assertTrue(server.error());
    assertEquals(1_700_000_000_012_000_000L, server.startNanos());
    assertEquals(95_000_000L, server.durationNanos());
    assertFalse(span(t, "6b221d5bc9e6496c").error());
    assertEquals(
        List.of("5af7183fb1d4cf5f", "6b221d5bc9e6496c", "6b221d5bc9e6496c:server"),
        LongestPath.of(t).spanIds());
  }

  /** The first rows of the Nezha dataset's baseline file (IntelligentDDS/Nezha, MIT licence). */
  @Test
  void nezhaKnownAnswer() {
    Path f = resource("nezha-sample.csv");
    assertEquals(TraceFormat.NEZHA_CSV, TraceFiles.detect(f, ImportLimits.DEFAULT));
    Trace t = TraceFiles.read(f).traces().get(0);
    assertEquals(4, t.size());
    assertEquals("233d5101e107e112", t.root().spanId());
    assertEquals("ts-gateway-service", t.root().service());
    Span exec = span(t, "2d1d6503278d9348");
    assertEquals("ts-execute-service", exec.service());
    assertEquals("5751c1b1c2d30a9a", exec.parentId());
    assertEquals(1674982159224000000L, exec.startNanos());
    assertEquals(1674982159246632005L, exec.endNanos());
    assertEquals("/api/v1/executeservice/execute/execute/{orderId}", exec.operation());
  }

  @Test
  void podNamesLoseTheirHashes() {
    assertEquals(
        "ts-route-service", NezhaCsvReader.serviceOfPod("ts-route-service-b6c59fb57-zv8dt"));
    assertEquals(
        "ts-basic-service", NezhaCsvReader.serviceOfPod("ts-basic-service-5dc8d4f9fd-46997"));
    assertEquals("mongo-0", NezhaCsvReader.serviceOfPod("mongo-0"));
  }

  /** The simulator's own OTLP writer, read back, gives what the in-memory import gives. */
  @Test
  void otlpFromTheSimulatorsWriterMatchesTheInMemoryImport() throws IOException {
    SpanRecorder rec = new SpanRecorder(100);
    rec.onSpan(7, 1, 11, 0, "front", "get", "home", 0, 30, false);
    rec.onSpan(7, 1, 12, 11, "db", "query", "home", 5, 25.5, true);
    rec.onSpan(7, 2, 21, 0, "front", "get", "home", 40, 41.25, false);
    var spans = rec.drain();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OtlpJsonSpanWriter.writeLine(out, spans);
    OtlpJsonSpanWriter.writeLine(out, spans.subList(0, 1));
    byte[] bytes = out.toByteArray();
    assertEquals(
        TraceFormat.OTLP_JSON,
        TraceFiles.detect(new String(bytes, 0, 200, java.nio.charset.StandardCharsets.UTF_8)));
    TraceBatch fromFile = read(bytes, TraceFormat.OTLP_JSON);
    TraceBatch inMemory = SpanDataImport.traces(spans);
    assertEquals(all(inMemory), all(fromFile));
    assertEquals(1, fromFile.report().skipped().get("duplicate-id"));
    Span db = span(fromFile.traces().get(0), "000000000000000c");
    assertEquals("db", db.service());
    assertTrue(db.error());
    assertEquals(
        SpanRecorder.DEFAULT_EPOCH.getEpochSecond() * 1_000_000_000L + 25_500_000L, db.endNanos());
  }

  static List<Span> all(TraceBatch b) {
    return b.traces().stream()
        .flatMap(t -> t.spans().stream())
        .sorted(Comparator.comparing(Span::traceId).thenComparing(Span::spanId))
        .toList();
  }

  static List<Trace> sample() {
    TraceAssembler a = new TraceAssembler("sample", ImportLimits.DEFAULT);
    long t0 = 1_700_000_000_000_000_000L;
    long us = 1000;
    a.add(
        new Span(
            "0af7651916cd43dd8448eb211c80319c",
            "b7ad6b7169203331",
            null,
            "front",
            "GET /",
            t0,
            t0 + 900 * us,
            false,
            false));
    a.add(
        new Span(
            "0af7651916cd43dd8448eb211c80319c",
            "00f067aa0ba902b7",
            "b7ad6b7169203331",
            "cart, inc",
            "read \"cart\"",
            t0 + 100 * us,
            t0 + 400 * us,
            true,
            false));
    a.add(
        new Span(
            "0af7651916cd43dd8448eb211c80319c",
            "1111111111111111",
            "00f067aa0ba902b7",
            "db",
            "q",
            t0 + 150 * us,
            t0 + 350 * us,
            false,
            false));
    a.add(
        new Span(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "2222222222222222",
            null,
            "front",
            "GET /x",
            t0 + 2000 * us,
            t0 + 2100 * us,
            false,
            false));
    return a.assemble().traces();
  }

  /** Writing then reading gives the same spans (times whole microseconds, the coarsest unit). */
  @ParameterizedTest
  @EnumSource(TraceFormat.class)
  void roundTrip(TraceFormat f) throws IOException {
    List<Trace> traces = sample();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceWriter.write(out, f, traces);
    byte[] bytes = out.toByteArray();
    assertEquals(f, TraceFiles.detect(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
    TraceBatch back = read(bytes, f);
    List<Span> expected = all(new TraceBatch(traces, back.report()));
    if (f == TraceFormat.NEZHA_CSV) {
      expected =
          expected.stream()
              .map(
                  s ->
                      new Span(
                          s.traceId(),
                          s.spanId(),
                          s.parentId(),
                          s.service(),
                          s.operation(),
                          s.startNanos(),
                          s.endNanos(),
                          false,
                          false))
              .toList();
    }
    assertEquals(expected, all(back));
    assertEquals(0, back.report().skippedTotal());
  }
}
