package dev.trimtab.env.telemetry;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes simulated log records as one OTLP JSON {@code ExportLogsServiceRequest} line (OTLP JSON
 * Lines, as the Collector's file exporter writes them): one resource per service ({@code
 * service.name}), severity as OTLP's number and text, the body as a string, trace and span ids in
 * hex.
 */
public final class OtlpJsonLogWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private OtlpJsonLogWriter() {}

  /** Writes {@code records} as one line to {@code out}; leaves it open. */
  public static void writeLine(OutputStream out, Collection<SimulatedLogRecord> records)
      throws IOException {
    Map<String, List<SimulatedLogRecord>> byService = new LinkedHashMap<>();
    for (SimulatedLogRecord r : records) {
      byService.computeIfAbsent(r.service(), k -> new java.util.ArrayList<>()).add(r);
    }
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("resourceLogs");
      for (var e : byService.entrySet()) {
        g.writeStartObject();
        g.writeObjectFieldStart("resource");
        g.writeArrayFieldStart("attributes");
        g.writeStartObject();
        g.writeStringField("key", "service.name");
        g.writeObjectFieldStart("value");
        g.writeStringField("stringValue", e.getKey());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("scopeLogs");
        g.writeStartObject();
        g.writeObjectFieldStart("scope");
        g.writeStringField("name", SpanRecorder.SCOPE.getName());
        g.writeEndObject();
        g.writeArrayFieldStart("logRecords");
        for (SimulatedLogRecord r : e.getValue()) {
          g.writeStartObject();
          g.writeStringField("timeUnixNano", Long.toString(r.timeNanos()));
          g.writeNumberField("severityNumber", severityNumber(r.severity()));
          g.writeStringField("severityText", r.severity());
          g.writeObjectFieldStart("body");
          g.writeStringField("stringValue", r.body());
          g.writeEndObject();
          g.writeStringField("traceId", r.traceId());
          g.writeStringField("spanId", r.spanId());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** OTLP's SeverityNumber for a level word: INFO 9, WARN 13, ERROR 17, else 0. */
  static int severityNumber(String severity) {
    return switch (severity) {
      case "TRACE" -> 1;
      case "DEBUG" -> 5;
      case "INFO" -> 9;
      case "WARN" -> 13;
      case "ERROR" -> 17;
      case "FATAL" -> 21;
      default -> 0;
    };
  }
}
