package dev.trimtab.rca.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.LogLevel;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Reads Nezha's log CSV: {@code TimeUnixNano}, {@code PodName} and {@code Log}, the container
 * runtime's JSON record ({@code {"log": "...", "stream": ...}}) or the bare line. The level is the
 * first level word of the line ({@link LogLevel#ofLine}).
 */
final class NezhaLogCsvReader {
  private NezhaLogCsvReader() {}

  static void read(BufferedReader in, String source, LogEvents.Builder out) throws IOException {
    CsvRecords csv = new CsvRecords(in, source, 1 << 20);
    List<String> header = csv.next();
    if (header == null) {
      return;
    }
    header.set(0, CsvRecords.stripBom(header.get(0)));
    int time = header.indexOf("TimeUnixNano");
    int pod = header.indexOf("PodName");
    int log = header.indexOf("Log");
    if (time < 0 || pod < 0 || log < 0) {
      throw new TraceFormatException(
          source, "line 1", "a Nezha log CSV needs the columns TimeUnixNano, PodName and Log");
    }
    List<String> f;
    while ((f = csv.next()) != null) {
      if (f.size() < header.size()) {
        throw new TraceFormatException(
            source, "line " + csv.line(), f.size() + " fields; the header has " + header.size());
      }
      long t;
      try {
        t = Long.parseLong(f.get(time).strip());
      } catch (NumberFormatException e) {
        throw new TraceFormatException(
            source,
            "line " + csv.line(),
            "TimeUnixNano must be whole nanoseconds, got '"
                + NezhaMetricCsvReader.cut(f.get(time))
                + "'");
      }
      String message = message(f.get(log));
      if (!out.add(
          NezhaCsvReader.serviceOfPod(f.get(pod).strip()), t, LogLevel.ofLine(message), message)) {
        throw new TraceFormatException(
            source, "line " + csv.line(), "more log lines than the limit");
      }
    }
  }

  /** The {@code log} field of a container runtime's JSON record, or the text as it is. */
  static String message(String field) {
    String s = field.strip();
    if (s.startsWith("{") && s.contains("\"log\"")) {
      try {
        JsonNode n = Json.MAPPER.readTree(s);
        if (n != null && n.path("log").isTextual()) {
          return n.get("log").asText().strip();
        }
      } catch (IOException | RuntimeException e) {
        // not JSON after all: keep the text
      }
    }
    return s;
  }
}
