package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.IOException;

/**
 * Reads the JSON of Jaeger's query API and UI export: {@code {"data": [{"traceID", "spans": [...],
 * "processes": {...}}]}}, streaming one trace at a time. Times are microseconds; the parent is the
 * first {@code CHILD_OF} reference (or, failing that, the first {@code FOLLOWS_FROM}, which marks
 * the span asynchronous), else the deprecated {@code parentSpanID}. A span is an error when its
 * {@code error} tag is true or its {@code otel.status_code} tag is {@code ERROR}. A bare array of
 * traces is accepted too.
 */
public final class JaegerJsonReader {
  private JaegerJsonReader() {}

  static void read(JsonParser p, String source, TraceAssembler out) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.START_ARRAY) {
      traces(p, source, out);
    } else if (t == JsonToken.START_OBJECT) {
      boolean found = false;
      while (Json.next(p, source) != JsonToken.END_OBJECT) {
        String field = p.currentName();
        JsonToken v = Json.next(p, source);
        if ("data".equals(field) && v == JsonToken.START_ARRAY) {
          found = true;
          traces(p, source, out);
        } else {
          p.skipChildren();
        }
      }
      if (!found) {
        throw new TraceFormatException(source, "", "no \"data\" array of traces (Jaeger JSON)");
      }
    } else if (t != null) {
      throw new TraceFormatException(
          source, Json.where(p), "expected Jaeger JSON: {\"data\":[...]}");
    }
  }

  private static void traces(JsonParser p, String source, TraceAssembler out) throws IOException {
    while (Json.next(p, source) != JsonToken.END_ARRAY) {
      JsonNode trace = Json.tree(p);
      if (!trace.isObject()) {
        throw new TraceFormatException(source, Json.where(p), "a trace must be an object");
      }
      JsonNode processes = trace.path("processes");
      for (JsonNode s : trace.path("spans")) {
        span(s, Json.text(trace, "traceID"), processes, out);
      }
    }
  }

  private static void span(
      JsonNode s, String traceIdOfTrace, JsonNode processes, TraceAssembler out) {
    String traceId = Json.text(s, "traceID");
    String parent = null;
    boolean followsFrom = false;
    for (JsonNode ref : s.path("references")) {
      String type = Json.text(ref, "refType");
      if ("CHILD_OF".equals(type)) {
        parent = Json.text(ref, "spanID");
        followsFrom = false;
        break;
      }
      if ("FOLLOWS_FROM".equals(type) && parent == null) {
        parent = Json.text(ref, "spanID");
        followsFrom = true;
      }
    }
    if (parent == null) {
      parent = Json.text(s, "parentSpanID");
    }
    String processId = Json.text(s, "processID");
    JsonNode process = processId == null ? s.path("process") : processes.path(processId);
    if (process.isMissingNode()) {
      process = s.path("process");
    }
    Long start = Json.integer(s, "startTime");
    Long startNs = Json.times(start, 1000);
    Long endNs = Json.times(Json.plus(start, Json.integer(s, "duration")), 1000);
    out.add(
        Ids.normalise(traceId != null ? traceId : traceIdOfTrace, 32),
        Ids.normalise(Json.text(s, "spanID"), 16),
        Ids.normalise(parent, 16),
        Json.text(process, "serviceName"),
        Json.text(s, "operationName"),
        startNs,
        endNs,
        isError(s.path("tags")),
        followsFrom);
  }

  private static boolean isError(JsonNode tags) {
    for (JsonNode tag : tags) {
      String key = Json.text(tag, "key");
      String value = Json.text(tag, "value");
      if ("error".equals(key) && "true".equalsIgnoreCase(value)) {
        return true;
      }
      if ("otel.status_code".equals(key) && "ERROR".equals(value)) {
        return true;
      }
    }
    return false;
  }
}
