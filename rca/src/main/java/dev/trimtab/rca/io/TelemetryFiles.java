package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonParser;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads metric and log files, detecting each file's format from its first bytes: metrics from a
 * Nezha metric CSV, Prometheus text exposition or OTLP JSON metrics; logs from a Nezha log CSV or
 * OTLP JSON logs; each optionally gzipped ({@code .gz}). Every failure comes out as a {@link
 * TraceFormatException} naming the file ({@code docs/formats/rca-metrics-logs.md}).
 */
public final class TelemetryFiles {
  private TelemetryFiles() {}

  /** The metric formats. */
  public static final List<String> METRIC_FORMATS =
      List.of("nezha-metric-csv", "prometheus-text", "otlp-json-metrics");

  /** The log formats. */
  public static final List<String> LOG_FORMATS = List.of("nezha-log-csv", "otlp-json-logs");

  /** Reads metric files into {@code out}. */
  public static void readMetrics(List<Path> files, ImportLimits limits, MetricSeries.Builder out) {
    for (Path f : files) {
      String head = head(f, limits);
      String format = metricFormat(head);
      if (format == null) {
        throw new TraceFormatException(
            f.toString(), "", "not a metric file Trimtab knows; formats: " + METRIC_FORMATS);
      }
      read(
          f,
          limits,
          format,
          (in, src) -> {
            switch (format) {
              case "nezha-metric-csv" -> NezhaMetricCsvReader.read(reader(in), src, out);
              case "prometheus-text" -> PrometheusTextReader.read(reader(in), src, out);
              default -> {
                try (JsonParser p = Json.parser(in, src)) {
                  OtlpJsonTelemetryReader.readMetrics(p, src, out);
                }
              }
            }
          });
    }
  }

  /** Reads log files into {@code out}. */
  public static void readLogs(List<Path> files, ImportLimits limits, LogEvents.Builder out) {
    for (Path f : files) {
      String head = head(f, limits);
      String format = logFormat(head);
      if (format == null) {
        throw new TraceFormatException(
            f.toString(), "", "not a log file Trimtab knows; formats: " + LOG_FORMATS);
      }
      read(
          f,
          limits,
          format,
          (in, src) -> {
            if (format.equals("nezha-log-csv")) {
              NezhaLogCsvReader.read(reader(in), src, out);
            } else {
              try (JsonParser p = Json.parser(in, src)) {
                OtlpJsonTelemetryReader.readLogs(p, src, out);
              }
            }
          });
    }
  }

  static String metricFormat(String head) {
    String s = strip(head);
    String first = s.lines().findFirst().orElse("");
    if (first.contains("TimeStamp")
        && (first.contains("PodName") || first.contains("ServiceName"))) {
      return "nezha-metric-csv";
    }
    if (s.startsWith("{") && s.contains("\"resourceMetrics\"")) {
      return "otlp-json-metrics";
    }
    if (s.startsWith("#") || s.matches("(?s)[a-zA-Z_:][a-zA-Z0-9_:]*[{ ].*")) {
      return "prometheus-text";
    }
    return null;
  }

  static String logFormat(String head) {
    String s = strip(head);
    String first = s.lines().findFirst().orElse("");
    if (first.contains("TimeUnixNano") && first.contains("PodName") && first.contains("Log")) {
      return "nezha-log-csv";
    }
    if (s.startsWith("{") && s.contains("\"resourceLogs\"")) {
      return "otlp-json-logs";
    }
    return null;
  }

  private static String strip(String head) {
    String s = head.stripLeading();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  @FunctionalInterface
  private interface Body {
    void read(InputStream in, String source) throws IOException;
  }

  private static void read(Path f, ImportLimits limits, String format, Body body) {
    String src = f.toString();
    try (InputStream in = LimitedInput.open(f, limits.maxBytes())) {
      body.read(in, src);
    } catch (TraceFormatException e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw new TraceFormatException(
          src, "", "not valid " + format + ": " + (nl < 0 ? m : m.substring(0, nl)), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new TraceFormatException(src, "", "cannot read as " + format + ": " + e, e);
    }
  }

  /** The first 8 KiB of {@code f} as text, refusing gzip under another name and binary files. */
  private static String head(Path f, ImportLimits limits) {
    byte[] head = new byte[8192];
    int n = 0;
    try (InputStream in = LimitedInput.open(f, limits.maxBytes())) {
      int r;
      while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
        n += r;
      }
    } catch (IOException e) {
      throw new TraceFormatException(f.toString(), "", "cannot read: " + e.getMessage(), e);
    }
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      throw new TraceFormatException(
          f.toString(), "", "is gzip-compressed but its name does not end in .gz");
    }
    if (TraceFiles.binary(head, n)) {
      throw new TraceFormatException(f.toString(), "", "is binary, not a metric or log file");
    }
    return new String(head, 0, n, StandardCharsets.UTF_8);
  }
}
