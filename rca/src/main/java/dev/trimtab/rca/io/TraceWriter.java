package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes traces in each {@link TraceFormat}, so that datasets can be exported and every importer is
 * checked by a round trip. Jaeger and Zipkin keep microseconds (their unit), so sub-microsecond
 * times are truncated there; OTLP and the Nezha CSV keep nanoseconds.
 */
public final class TraceWriter {
  private TraceWriter() {}

  public static void write(OutputStream out, TraceFormat format, List<Trace> traces)
      throws IOException {
    switch (format) {
      case OTLP_JSON -> otlp(out, traces);
      case JAEGER_JSON -> jaeger(out, traces);
      case ZIPKIN_JSON -> zipkin(out, traces);
      case NEZHA_CSV -> nezha(out, traces);
    }
  }

  /** One OTLP request on one line: resources in order of first span, spans in trace order. */
  static void otlp(OutputStream out, List<Trace> traces) throws IOException {
    Map<String, List<Span>> byService = new LinkedHashMap<>();
    for (Trace t : traces) {
      for (Span s : t.spans()) {
        byService.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s);
      }
    }
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("resourceSpans");
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
        g.writeArrayFieldStart("scopeSpans");
        g.writeStartObject();
        g.writeObjectFieldStart("scope");
        g.writeStringField("name", "dev.trimtab.rca");
        g.writeEndObject();
        g.writeArrayFieldStart("spans");
        for (Span s : e.getValue()) {
          g.writeStartObject();
          g.writeStringField("traceId", s.traceId());
          g.writeStringField("spanId", s.spanId());
          if (s.parentId() != null) {
            g.writeStringField("parentSpanId", s.parentId());
          }
          g.writeStringField("name", s.operation());
          g.writeNumberField("kind", 2);
          g.writeStringField("startTimeUnixNano", Long.toString(s.startNanos()));
          g.writeStringField("endTimeUnixNano", Long.toString(s.endNanos()));
          g.writeObjectFieldStart("status");
          if (s.error()) {
            g.writeNumberField("code", 2);
          }
          g.writeEndObject();
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

  static void jaeger(OutputStream out, List<Trace> traces) throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (Trace t : traces) {
        Map<String, String> processes = new LinkedHashMap<>();
        g.writeStartObject();
        g.writeStringField("traceID", t.traceId());
        g.writeArrayFieldStart("spans");
        for (Span s : t.spans()) {
          String pid = processes.computeIfAbsent(s.service(), k -> "p" + (processes.size() + 1));
          g.writeStartObject();
          g.writeStringField("traceID", s.traceId());
          g.writeStringField("spanID", s.spanId());
          g.writeStringField("operationName", s.operation());
          g.writeArrayFieldStart("references");
          if (s.parentId() != null) {
            g.writeStartObject();
            g.writeStringField("refType", s.followsFrom() ? "FOLLOWS_FROM" : "CHILD_OF");
            g.writeStringField("traceID", s.traceId());
            g.writeStringField("spanID", s.parentId());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNumberField("startTime", s.startNanos() / 1000);
          g.writeNumberField("duration", s.endNanos() / 1000 - s.startNanos() / 1000);
          g.writeArrayFieldStart("tags");
          if (s.error()) {
            g.writeStartObject();
            g.writeStringField("key", "error");
            g.writeStringField("type", "bool");
            g.writeBooleanField("value", true);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeStringField("processID", pid);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("processes");
        for (var p : processes.entrySet()) {
          g.writeObjectFieldStart(p.getValue());
          g.writeStringField("serviceName", p.getKey());
          g.writeArrayFieldStart("tags");
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  static void zipkin(OutputStream out, List<Trace> traces) throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartArray();
      for (Trace t : traces) {
        for (Span s : t.spans()) {
          g.writeStartObject();
          g.writeStringField("traceId", s.traceId());
          g.writeStringField("id", s.spanId());
          if (s.parentId() != null) {
            g.writeStringField("parentId", s.parentId());
          }
          g.writeStringField("kind", "SERVER");
          g.writeStringField("name", s.operation());
          g.writeNumberField("timestamp", s.startNanos() / 1000);
          g.writeNumberField("duration", s.endNanos() / 1000 - s.startNanos() / 1000);
          g.writeObjectFieldStart("localEndpoint");
          g.writeStringField("serviceName", s.service());
          g.writeEndObject();
          if (s.error()) {
            g.writeObjectFieldStart("tags");
            g.writeStringField("error", "true");
            g.writeEndObject();
          }
          g.writeEndObject();
        }
      }
      g.writeEndArray();
    }
  }

  static void nezha(OutputStream out, List<Trace> traces) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write(String.join(",", NezhaCsvReader.COLUMNS) + ",Duration\n");
    for (Trace t : traces) {
      for (Span s : t.spans()) {
        w.write(
            String.join(
                ",",
                csv(s.traceId()),
                csv(s.spanId()),
                s.parentId() == null ? "root" : csv(s.parentId()),
                csv(s.service()),
                csv(s.operation()),
                Long.toString(s.startNanos()),
                Long.toString(s.endNanos()),
                Long.toString(s.durationNanos() / 1000)));
        w.write('\n');
      }
    }
    w.flush();
  }

  private static String csv(String s) {
    return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
  }

  private static JsonGenerator generator(OutputStream out) throws IOException {
    return Json.FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }
}
