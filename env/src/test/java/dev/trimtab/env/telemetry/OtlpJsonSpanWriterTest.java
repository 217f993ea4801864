package dev.trimtab.env.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.Simulation;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our OTLP JSON says what the OpenTelemetry SDK's own OTLP marshaler says about the same spans. */
class OtlpJsonSpanWriterTest {
  @TempDir Path dir;

  private static List<SpanData> simulatedSpans(double timeoutMs) {
    Simulation sim =
        Simulation.create(
            TelemetryFixtures.fanOut(timeoutMs), TelemetryFixtures.poisson(100, 3_000), 4);
    SpanRecorder recorder = new SpanRecorder(100_000);
    sim.traceTo(recorder, 1.0);
    sim.runFor(5_000);
    return recorder.drain();
  }

  @Test
  void agreesWithTheSdksOtlpMarshaler() throws IOException {
    List<SpanData> spans = simulatedSpans(3.0);
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    OtlpJsonSpanWriter.writeLine(ours, spans);
    ByteArrayOutputStream sdk = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeJsonTo(sdk);

    ExportTraceServiceRequest a = sorted(OtlpFiles.parse(ours.toString(StandardCharsets.UTF_8)));
    ExportTraceServiceRequest b = sorted(OtlpFiles.parse(sdk.toString(StandardCharsets.UTF_8)));
    assertTrue(a.getResourceSpansCount() == 5, "five services");
    assertEquals(b, a);
  }

  @Test
  void writeFileReplacesTheTargetInOneStep() throws IOException {
    Path file = dir.resolve("spans.json");
    Files.writeString(file, "old");
    List<SpanData> spans = simulatedSpans(1e12);
    OtlpJsonSpanWriter.writeFile(file, spans);

    String text = Files.readString(file);
    assertTrue(text.endsWith("}\n") && text.indexOf('\n') == text.length() - 1, "one line");
    assertEquals(spans.size(), OtlpFiles.spans(OtlpFiles.readLines(file)).size());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void noSpansWriteNothing() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OtlpJsonSpanWriter.writeLine(out, List.of());
    assertEquals(0, out.size());
  }

  /** The SDK groups resources by identity hash, so compare with resources in name order. */
  private static ExportTraceServiceRequest sorted(ExportTraceServiceRequest request) {
    List<ResourceSpans> resources =
        request.getResourceSpansList().stream()
            .sorted(
                Comparator.comparing(
                    r -> OtlpFiles.attribute(r.getResource().getAttributesList(), "service.name")))
            .toList();
    return request.toBuilder().clearResourceSpans().addAllResourceSpans(resources).build();
  }
}
