package dev.trimtab.rca.io;

import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.telemetry.Signal;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (0.0.4): {@code name{label="v",...} value
 * [timestamp_ms]} lines, {@code #} comments. Samples are mapped with {@link MetricNames}; a sample
 * without a timestamp is one scrape of the file's period ({@link MetricSeries#UNTIMED}). From
 * Trimtab's per-interval call counters ({@code trimtab_service_interval_calls_*}) the success rate
 * is derived: completed over completed, errored and dropped.
 */
final class PrometheusTextReader {
  private static final int MAX_LINE = 1 << 20;

  private PrometheusTextReader() {}

  static void read(BufferedReader in, String source, MetricSeries.Builder out) throws IOException {
    Map<String, double[]> calls = new LinkedHashMap<>();
    String line;
    long n = 0;
    int samples = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.length() > MAX_LINE) {
        throw new TraceFormatException(source, "line " + n, "longer than " + MAX_LINE + " chars");
      }
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      Sample p = parse(s, source, n);
      samples++;
      String service = MetricNames.service(p.labels::get);
      if (service == null) {
        continue;
      }
      int call = callIndex(p.name);
      if (call >= 0) {
        calls.computeIfAbsent(service + "\u0000" + p.time, k -> new double[3])[call] += p.value;
        continue;
      }
      Signal sig = MetricNames.signal(p.name);
      if (sig == null) {
        continue;
      }
      String q = p.labels.get("quantile");
      if (q != null && !MetricNames.wantedQuantile(q)) {
        continue;
      }
      if (!out.add(service, sig, p.time, p.value)) {
        throw new TraceFormatException(source, "line " + n, "more metric points than the limit");
      }
    }
    if (n > 0 && samples == 0) {
      throw new TraceFormatException(source, "", "no sample: not Prometheus text exposition");
    }
    for (var e : calls.entrySet()) {
      double[] c = e.getValue();
      double all = c[0] + c[1] + c[2];
      if (all > 0) {
        int cut = e.getKey().indexOf('\u0000');
        out.add(
            e.getKey().substring(0, cut),
            Signal.SUCCESS_RATE,
            Long.parseLong(e.getKey().substring(cut + 1)),
            c[0] / all);
      }
    }
  }

  private static int callIndex(String name) {
    return switch (name) {
      case "trimtab_service_interval_calls_completed" -> 0;
      case "trimtab_service_interval_calls_errored" -> 1;
      case "trimtab_service_interval_calls_dropped" -> 2;
      default -> -1;
    };
  }

  record Sample(String name, Map<String, String> labels, double value, long time) {}

  static Sample parse(String s, String source, long n) {
    int i = 0;
    while (i < s.length()
        && (Character.isLetterOrDigit(s.charAt(i)) || "_:".indexOf(s.charAt(i)) >= 0)) {
      i++;
    }
    if (i == 0) {
      throw new TraceFormatException(source, "line " + n, "expected a metric name");
    }
    String name = s.substring(0, i);
    Map<String, String> labels = new HashMap<>();
    if (i < s.length() && s.charAt(i) == '{') {
      i++;
      while (true) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
          i++;
        }
        if (i >= s.length()) {
          throw new TraceFormatException(source, "line " + n, "unclosed '{'");
        }
        if (s.charAt(i) == '}') {
          i++;
          break;
        }
        int eq = s.indexOf('=', i);
        if (eq < 0 || eq + 1 >= s.length() || s.charAt(eq + 1) != '"') {
          throw new TraceFormatException(source, "line " + n, "a label must be name=\"value\"");
        }
        String key = s.substring(i, eq).strip();
        StringBuilder v = new StringBuilder();
        int j = eq + 2;
        for (; j < s.length() && s.charAt(j) != '"'; j++) {
          char c = s.charAt(j);
          if (c == '\\' && j + 1 < s.length()) {
            char e = s.charAt(++j);
            v.append(e == 'n' ? '\n' : e);
          } else {
            v.append(c);
          }
        }
        if (j >= s.length()) {
          throw new TraceFormatException(source, "line " + n, "unclosed label value");
        }
        labels.put(key, v.toString());
        i = j + 1;
      }
    }
    String[] rest = s.substring(i).strip().split("\\s+");
    if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
      throw new TraceFormatException(
          source, "line " + n, "expected a value (and an optional timestamp) after the name");
    }
    double value = number(rest[0], source, n);
    long time = MetricSeries.UNTIMED;
    if (rest.length == 2) {
      try {
        time = Math.multiplyExact(Long.parseLong(rest[1]), 1_000_000L);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new TraceFormatException(
            source, "line " + n, "the timestamp must be whole milliseconds");
      }
    }
    return new Sample(name, labels, value, time);
  }

  private static double number(String v, String source, long n) {
    switch (v) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new TraceFormatException(source, "line " + n, "the value is not a number");
        }
    }
  }
}
