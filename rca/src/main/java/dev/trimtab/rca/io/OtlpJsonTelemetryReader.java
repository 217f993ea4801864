package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.LogLevel;
import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.telemetry.Signal;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads OTLP JSON metrics ({@code ExportMetricsServiceRequest}: gauges, sums and summaries) and
 * logs ({@code ExportLogsServiceRequest}), one request or several in a row (JSON Lines), one
 * resource entry at a time. The service is the resource's {@code service.name} (or a data point's
 * service attribute); metric names map with {@link MetricNames}; a log record's level is its {@code
 * severityNumber}, else its {@code severityText}, else the first level word of its body.
 */
final class OtlpJsonTelemetryReader {
  private OtlpJsonTelemetryReader() {}

  static void readMetrics(JsonParser p, String source, MetricSeries.Builder out)
      throws IOException {
    each(p, source, "resourceMetrics", r -> metrics(r, source, out));
  }

  static void readLogs(JsonParser p, String source, LogEvents.Builder out) throws IOException {
    each(p, source, "resourceLogs", r -> logs(r, source, out));
  }

  /** Calls {@code f} with each entry of every request's {@code key} array. */
  private static void each(JsonParser p, String source, String key, Consumer<JsonNode> f)
      throws IOException {
    JsonToken t;
    int found = 0;
    while ((t = p.nextToken()) != null) {
      if (t != JsonToken.START_OBJECT) {
        throw new TraceFormatException(source, Json.where(p), "expected an OTLP request object");
      }
      while (Json.next(p, source) != JsonToken.END_OBJECT) {
        String field = p.currentName();
        JsonToken v = Json.next(p, source);
        if (key.equals(field) && v == JsonToken.START_ARRAY) {
          found++;
          while (Json.next(p, source) != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
              throw new TraceFormatException(
                  source, Json.where(p), "a " + key + " entry must be an object");
            }
            f.accept(Json.tree(p));
          }
        } else if (key.equals(field) && v != JsonToken.VALUE_NULL) {
          throw new TraceFormatException(source, Json.where(p), key + " must be an array");
        } else {
          p.skipChildren();
        }
      }
    }
    if (found == 0) {
      throw new TraceFormatException(source, "", "no " + key + ": not OTLP JSON of that kind");
    }
  }

  private static String attribute(JsonNode attributes, String key) {
    for (JsonNode a : attributes) {
      if (key.equals(Json.text(a, "key"))) {
        JsonNode v = a.path("value");
        String s = Json.text(v, "stringValue");
        return s != null ? s : Json.text(v, "intValue");
      }
    }
    return null;
  }

  private static void metrics(JsonNode resource, String source, MetricSeries.Builder out) {
    JsonNode attrs = resource.path("resource").path("attributes");
    String resourceService = MetricNames.service(k -> attribute(attrs, k));
    for (JsonNode scope : resource.path("scopeMetrics")) {
      for (JsonNode m : scope.path("metrics")) {
        String name = Json.text(m, "name");
        Signal sig = name == null ? null : MetricNames.signal(name);
        if (sig == null) {
          continue;
        }
        JsonNode points =
            m.has("gauge") ? m.path("gauge").path("dataPoints") : m.path("sum").path("dataPoints");
        for (JsonNode dp : points) {
          point(dp, sig, dp.path("asDouble"), resourceService, source, out);
        }
        for (JsonNode dp : m.path("summary").path("dataPoints")) {
          for (JsonNode q : dp.path("quantileValues")) {
            if (MetricNames.wantedQuantile(q.path("quantile").asText())) {
              point(dp, sig, q.path("value"), resourceService, source, out);
            }
          }
        }
      }
    }
  }

  private static void point(
      JsonNode dp,
      Signal sig,
      JsonNode value,
      String resourceService,
      String source,
      MetricSeries.Builder out) {
    JsonNode attrs = dp.path("attributes");
    String service = MetricNames.service(k -> attribute(attrs, k));
    service = service != null ? service : resourceService;
    if (service == null) {
      return;
    }
    JsonNode v = value.isMissingNode() ? dp.path("asInt") : value;
    double d = v.isNumber() ? v.asDouble() : parse(v.asText(""));
    Long t = Json.integer(dp, "timeUnixNano");
    if (!out.add(service, sig, t == null ? MetricSeries.UNTIMED : t, d)) {
      throw new TraceFormatException(source, "", "more metric points than the limit");
    }
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static void logs(JsonNode resource, String source, LogEvents.Builder out) {
    JsonNode attrs = resource.path("resource").path("attributes");
    String service = MetricNames.service(k -> attribute(attrs, k));
    for (JsonNode scope : resource.path("scopeLogs")) {
      for (JsonNode r : scope.path("logRecords")) {
        String s =
            service != null
                ? service
                : MetricNames.service(k -> attribute(r.path("attributes"), k));
        if (s == null) {
          continue;
        }
        Long t = Json.integer(r, "timeUnixNano");
        if (t == null || t == 0) {
          t = Json.integer(r, "observedTimeUnixNano");
        }
        if (t == null) {
          throw new TraceFormatException(source, "", "a log record without timeUnixNano");
        }
        JsonNode body = r.path("body");
        String text = body.has("stringValue") ? body.path("stringValue").asText() : body.toString();
        Long sev = Json.integer(r, "severityNumber");
        LogLevel level = sev != null && sev > 0 ? LogLevel.ofOtlpSeverity(sev) : null;
        if (level == null) {
          String st = Json.text(r, "severityText");
          level = st == null ? null : LogLevel.ofWord(st.strip());
        }
        if (level == null) {
          level = LogLevel.ofLine(text);
        }
        if (!out.add(s, t, level, text)) {
          throw new TraceFormatException(source, "", "more log lines than the limit");
        }
      }
    }
  }
}
