package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.IOException;

/**
 * Reads Zipkin v2 JSON: an array of spans ({@code POST /api/v2/spans}) or an array of traces, each
 * an array of spans ({@code GET /api/v2/traces}). Times are microseconds. The service is the local
 * endpoint's {@code serviceName}. A span is an error when it has an {@code error} tag.
 *
 * <p>Zipkin lets a client and a server share one span id (the server half has {@code
 * "shared":true}). The model needs unique ids, so the shared server half gets the id {@code
 * <id>:server} and the client half as its parent: caller, then callee, as in OpenTelemetry.
 */
public final class ZipkinJsonReader {
  /** Suffix given to the server half of a shared span id. */
  public static final String SHARED_SERVER_SUFFIX = ":server";

  private ZipkinJsonReader() {}

  static void read(JsonParser p, String source, TraceAssembler out) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      return;
    }
    if (t != JsonToken.START_ARRAY) {
      throw new TraceFormatException(source, Json.where(p), "expected a Zipkin v2 JSON array");
    }
    while (Json.next(p, source) != JsonToken.END_ARRAY) {
      JsonNode n = Json.tree(p);
      if (n.isArray()) {
        for (JsonNode s : n) {
          span(s, out);
        }
      } else if (n.isObject()) {
        span(n, out);
      } else {
        throw new TraceFormatException(source, Json.where(p), "expected a span object or an array");
      }
    }
  }

  private static void span(JsonNode s, TraceAssembler out) {
    if (!s.isObject()) {
      out.skip(dev.trimtab.rca.trace.ImportReport.MISSING_FIELD, 1);
      return;
    }
    String traceId = Ids.normalise(Json.text(s, "traceId"), 32);
    String id = Ids.normalise(Json.text(s, "id"), 16);
    String parent = Ids.normalise(Json.text(s, "parentId"), 16);
    boolean shared = s.path("shared").asBoolean(false);
    if (shared && id != null) {
      parent = id;
      id = id + SHARED_SERVER_SUFFIX;
    }
    Long startNs = Json.times(Json.integer(s, "timestamp"), 1000);
    Long duration = Json.integer(s, "duration");
    Long endNs = Json.plus(startNs, Json.times(duration == null ? 0L : duration, 1000));
    out.add(
        traceId,
        id,
        parent,
        Json.text(s.path("localEndpoint"), "serviceName"),
        Json.text(s, "name"),
        startNs,
        endNs,
        s.path("tags").has("error"),
        false);
  }
}
