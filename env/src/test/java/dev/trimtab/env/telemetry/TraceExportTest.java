package dev.trimtab.env.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.telemetry.OtlpFiles.ParsedSpan;
import dev.trimtab.env.telemetry.TracedRun.RawSpan;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by {@link TraceExport} are read back with the official OTLP proto classes and
 * checked against the simulator's own callbacks (a twin run with the same seed) and the topology.
 */
class TraceExportTest {
  /** 2026-01-01T00:00:00Z in seconds since 1970: 56 years, 14 of them leap years. */
  private static final long EPOCH_NANOS = (56L * 365 + 14) * 86_400 * 1_000_000_000L;

  private static final double NO_TIMEOUT_MS = 1e12;

  @TempDir Path dir;

  @Test
  void everySpanInTheFileIsTheSimulatorsSpanInOtlpForm() throws IOException {
    Path file = dir.resolve("spans.jsonl");
    Topology topology = TelemetryFixtures.fanOut(NO_TIMEOUT_MS);
    TracedRun.export(TracedRun.simulation(topology, 50, 8_000, 7), file, 1.0, 12);
    List<RawSpan> raw = TracedRun.raw(TracedRun.simulation(topology, 50, 8_000, 7), 1.0, 12);

    List<ParsedSpan> parsed = OtlpFiles.spans(OtlpFiles.readLines(file));
    assertTrue(raw.size() > 1000, "enough spans to mean something: " + raw.size());
    assertSameSpans(raw, parsed);
  }

  @Test
  void eachTraceIsTheEndpointsCallTree() throws IOException {
    Path file = dir.resolve("spans.jsonl");
    Topology topology = TelemetryFixtures.fanOut(NO_TIMEOUT_MS);
    Simulation sim = TracedRun.export(TracedRun.simulation(topology, 50, 8_000, 3), file, 1.0, 12);
    assertEquals(0, sim.summary().inFlight(), "every request finished, so every trace is whole");

    Map<String, List<ParsedSpan>> traces =
        OtlpFiles.spans(OtlpFiles.readLines(file)).stream()
            .collect(Collectors.groupingBy(ParsedSpan::traceIdHex));
    assertEquals(sim.summary().requests(), traces.size(), "one trace per request");
    for (List<ParsedSpan> trace : traces.values()) {
      Map<String, ParsedSpan> byId =
          trace.stream().collect(Collectors.toMap(ParsedSpan::spanIdHex, Function.identity()));
      List<ParsedSpan> roots =
          trace.stream().filter(s -> s.span().getParentSpanId().isEmpty()).toList();
      assertEquals(1, roots.size(), "exactly one root per trace");
      EndpointSpec endpoint = endpoint(topology, roots.get(0).attribute("trimtab.endpoint"));
      assertEquals(endpoint.root().service(), roots.get(0).service(), "root is the entry service");
      Map<String, String> callers = callers(endpoint.root());
      for (ParsedSpan span : trace) {
        assertEquals(endpoint.name(), span.attribute("trimtab.endpoint"));
        if (span != roots.get(0)) {
          ParsedSpan parent = byId.get(span.parentSpanIdHex());
          assertNotNull(parent, "parent of a span is in the same trace");
          assertEquals(
              callers.get(span.service()), parent.service(), "caller of " + span.service());
        }
      }
    }
  }

  @Test
  void resourcesAreTheServicesOnePerServiceAndRequest() throws IOException {
    Path file = dir.resolve("spans.jsonl");
    Topology topology = TelemetryFixtures.fanOut(NO_TIMEOUT_MS);
    TracedRun.export(TracedRun.simulation(topology, 50, 8_000, 5), file, 1.0, 12);

    Set<String> seen = new HashSet<>();
    for (var request : OtlpFiles.readLines(file)) {
      List<String> names =
          request.getResourceSpansList().stream()
              .map(r -> OtlpFiles.attribute(r.getResource().getAttributesList(), "service.name"))
              .toList();
      assertEquals(new HashSet<>(names).size(), names.size(), "one resource per service");
      seen.addAll(names);
    }
    Set<String> services =
        topology.services().stream().map(ServiceSpec::name).collect(Collectors.toSet());
    assertEquals(services, seen);
    for (ParsedSpan span : OtlpFiles.spans(OtlpFiles.readLines(file))) {
      assertEquals(span.service() + "/op", span.attribute("rpc.method"));
    }
  }

  @Test
  void samplingKeepsTheRequestedShareOfTraces() throws IOException {
    Path file = dir.resolve("spans.jsonl");
    Topology topology = TelemetryFixtures.fanOut(NO_TIMEOUT_MS);
    Simulation sim =
        TracedRun.export(TracedRun.simulation(topology, 400, 10_000, 11), file, 0.25, 12);
    long requests = sim.summary().requests();
    long traces =
        OtlpFiles.spans(OtlpFiles.readLines(file)).stream()
            .map(ParsedSpan::traceIdHex)
            .distinct()
            .count();
    // Binomial(n, 0.25): a 4-sigma band, wrong by chance with probability < 1e-4.
    double sigma = Math.sqrt(requests * 0.25 * 0.75);
    assertTrue(requests > 3500, "requests " + requests);
    assertEquals(0.25 * requests, traces, 4 * sigma, "sampled traces of " + requests);
  }

  @Test
  void samplingZeroWritesAnEmptyFile() throws IOException {
    Path file = dir.resolve("spans.jsonl");
    Topology topology = TelemetryFixtures.fanOut(NO_TIMEOUT_MS);
    Simulation sim = TracedRun.export(TracedRun.simulation(topology, 100, 5_000, 1), file, 0.0, 6);
    assertTrue(sim.summary().requests() > 300);
    assertEquals(0, Files.size(file));
    assertEquals(List.of(file), filesIn(dir), "no temporary file is left behind");
  }

  @Test
  void failedCallsHaveErrorStatus() throws IOException {
    Path file = dir.resolve("spans.jsonl");
    Topology topology = TelemetryFixtures.fanOut(2.0);
    TracedRun.export(TracedRun.simulation(topology, 200, 8_000, 13), file, 1.0, 12);
    List<RawSpan> raw = TracedRun.raw(TracedRun.simulation(topology, 200, 8_000, 13), 1.0, 12);
    List<ParsedSpan> parsed = OtlpFiles.spans(OtlpFiles.readLines(file));

    long errors =
        parsed.stream()
            .filter(s -> s.span().getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR)
            .count();
    assertTrue(errors > 100 && errors < parsed.size(), errors + " error spans of " + parsed.size());
    assertSameSpans(raw, parsed);
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws IOException {
    Topology topology = TelemetryFixtures.fanOut(5.0);
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Path c = dir.resolve("c.jsonl");
    TracedRun.export(TracedRun.simulation(topology, 100, 5_000, 21), a, 0.5, 6);
    TracedRun.export(TracedRun.simulation(topology, 100, 5_000, 21), b, 0.5, 6);
    TracedRun.export(TracedRun.simulation(topology, 100, 5_000, 22), c, 0.5, 6);
    assertTrue(Files.size(a) > 10_000);
    assertEquals(-1, Files.mismatch(a, b), "same seed, same bytes");
    assertNotEquals(-1, Files.mismatch(a, c), "another seed, another file");
  }

  /** Every raw callback appears once in the file, field for field, and nothing else does. */
  static void assertSameSpans(List<RawSpan> raw, List<ParsedSpan> parsed) {
    assertEquals(raw.size(), parsed.size(), "span count");
    Map<String, ParsedSpan> byId = new HashMap<>();
    parsed.forEach(s -> byId.put(s.spanIdHex(), s));
    assertEquals(parsed.size(), byId.size(), "span ids are unique");
    for (RawSpan r : raw) {
      ParsedSpan p = byId.get(String.format("%016x", r.spanId()));
      assertNotNull(p, "span " + r);
      Span s = p.span();
      assertEquals(String.format("%016x%016x", r.traceIdHigh(), r.traceIdLow()), p.traceIdHex());
      assertEquals(
          r.parentSpanId() == 0 ? "" : String.format("%016x", r.parentSpanId()),
          p.parentSpanIdHex());
      assertEquals(r.service(), p.service());
      assertEquals("dev.trimtab.sim", p.scope());
      assertEquals(r.operation(), s.getName());
      assertEquals(Span.SpanKind.SPAN_KIND_SERVER, s.getKind());
      assertEquals(EPOCH_NANOS + Math.round(r.startMs() * 1e6), s.getStartTimeUnixNano());
      assertEquals(EPOCH_NANOS + Math.round(r.endMs() * 1e6), s.getEndTimeUnixNano());
      assertEquals(0x101, s.getFlags(), "sampled, parent known to be local");
      assertEquals(r.endpoint(), p.attribute("trimtab.endpoint"));
      assertEquals("grpc", p.attribute("rpc.system.name"));
      assertEquals(r.error() ? "UNKNOWN" : "OK", p.attribute("rpc.response.status_code"));
      assertEquals(r.error() ? "UNKNOWN" : null, p.attribute("error.type"));
      assertEquals(
          r.error() ? Status.StatusCode.STATUS_CODE_ERROR : Status.StatusCode.STATUS_CODE_UNSET,
          s.getStatus().getCode());
      assertEquals(r.error() ? SpanRecorder.ERROR_DESCRIPTION : "", s.getStatus().getMessage());
    }
  }

  private static EndpointSpec endpoint(Topology topology, String name) {
    return topology.endpoints().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Callee service → caller service in one endpoint's call tree (services appear once there). */
  private static Map<String, String> callers(CallNode node) {
    Map<String, String> callers = new HashMap<>();
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        callers.put(child.service(), node.service());
        callers.putAll(callers(child));
      }
    }
    return callers;
  }

  private static List<Path> filesIn(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.toList();
    }
  }
}
