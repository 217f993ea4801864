package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OTLP JSON: one {@code ExportTraceServiceRequest} or several in a row (OTLP JSON Lines, as
 * the Collector's file exporter and {@code OtlpJsonSpanWriter} write them). Streams down to single
 * spans, so memory grows with the spans kept, not with the file. Accepts the pre-1.0 key {@code
 * instrumentationLibrarySpans}, ids in hex (OTLP) or base64 (plain protobuf JSON), times as strings
 * or numbers, and status codes as numbers or enum names.
 */
public final class OtlpJsonReader {
  private OtlpJsonReader() {}

  /** Reads every request in {@code p} into {@code out}. */
  static void read(JsonParser p, String source, TraceAssembler out) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      if (t != JsonToken.START_OBJECT) {
        throw new TraceFormatException(source, Json.where(p), "expected an OTLP request object");
      }
      while (Json.next(p, source) != JsonToken.END_OBJECT) {
        String field = p.currentName();
        JsonToken v = Json.next(p, source);
        if ("resourceSpans".equals(field) && v == JsonToken.START_ARRAY) {
          while (Json.next(p, source) != JsonToken.END_ARRAY) {
            resourceSpans(p, source, out);
          }
        } else if ("resourceSpans".equals(field) && v != JsonToken.VALUE_NULL) {
          throw new TraceFormatException(source, Json.where(p), "resourceSpans must be an array");
        } else {
          p.skipChildren();
        }
      }
    }
  }

  private static void resourceSpans(JsonParser p, String source, TraceAssembler out)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new TraceFormatException(
          source, Json.where(p), "a resourceSpans entry must be an object");
    }
    String service = null;
    List<JsonNode> spans = new ArrayList<>();
    while (Json.next(p, source) != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = Json.next(p, source);
      if ("resource".equals(field) && v == JsonToken.START_OBJECT) {
        service = serviceName(Json.tree(p));
      } else if (("scopeSpans".equals(field) || "instrumentationLibrarySpans".equals(field))
          && v == JsonToken.START_ARRAY) {
        while (Json.next(p, source) != JsonToken.END_ARRAY) {
          scopeSpans(p, source, spans);
        }
      } else {
        p.skipChildren();
      }
    }
    for (JsonNode s : spans) {
      add(s, service == null ? "unknown_service" : service, out);
    }
  }

  private static void scopeSpans(JsonParser p, String source, List<JsonNode> spans)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (Json.next(p, source) != JsonToken.END_OBJECT) {
      String field = p.currentName();
      JsonToken v = Json.next(p, source);
      if ("spans".equals(field) && v == JsonToken.START_ARRAY) {
        while (Json.next(p, source) != JsonToken.END_ARRAY) {
          JsonNode span = Json.tree(p);
          if (span.isObject()) {
            spans.add(span);
          }
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private static String serviceName(JsonNode resource) {
    for (JsonNode a : resource.path("attributes")) {
      if ("service.name".equals(Json.text(a, "key"))) {
        String s = Json.text(a.path("value"), "stringValue");
        return s == null || s.isBlank() ? null : s;
      }
    }
    return null;
  }

  private static void add(JsonNode s, String service, TraceAssembler out) {
    JsonNode status = s.path("status");
    JsonNode code = status.get("code");
    boolean error =
        code != null && (code.asInt(-1) == 2 || "STATUS_CODE_ERROR".equals(code.asText()));
    out.add(
        Ids.normalise(Json.text(s, "traceId"), 32),
        Ids.normalise(Json.text(s, "spanId"), 16),
        Ids.normalise(Json.text(s, "parentSpanId"), 16),
        service,
        Json.text(s, "name"),
        Json.integer(s, "startTimeUnixNano"),
        Json.integer(s, "endTimeUnixNano"),
        error,
        false);
  }
}
