package dev.trimtab.rca.io;

import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.telemetry.Signal;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Nezha's per-pod metric CSV: {@code TimeStamp} (Unix seconds), {@code PodName} (or {@code
 * ServiceName}) and any of {@code CpuUsageRate(%)}, {@code MemoryUsageRate(%)}, {@code
 * PodSuccessRate(%)}, {@code PodServerLatencyP90(s)}, {@code PodClientLatencyP90(s)}, {@code
 * PodWorkload(Ops)}; other columns are ignored. Percentages become ratios; {@code NaN} is a gap.
 */
final class NezhaMetricCsvReader {
  /** Column name, signal, factor to the signal's unit. */
  private static final Map<String, Object[]> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("CpuUsageRate(%)", new Object[] {Signal.CPU, 0.01});
    COLUMNS.put("MemoryUsageRate(%)", new Object[] {Signal.MEMORY, 0.01});
    COLUMNS.put("PodSuccessRate(%)", new Object[] {Signal.SUCCESS_RATE, 0.01});
    COLUMNS.put("PodServerLatencyP90(s)", new Object[] {Signal.SERVER_LATENCY, 1.0});
    COLUMNS.put("PodClientLatencyP90(s)", new Object[] {Signal.CLIENT_LATENCY, 1.0});
    COLUMNS.put("PodWorkload(Ops)", new Object[] {Signal.WORKLOAD, 1.0});
  }

  private NezhaMetricCsvReader() {}

  static void read(BufferedReader in, String source, MetricSeries.Builder out) throws IOException {
    CsvRecords csv = new CsvRecords(in, source, 1 << 20);
    List<String> header = csv.next();
    if (header == null) {
      return;
    }
    header.set(0, CsvRecords.stripBom(header.get(0)));
    int time = header.indexOf("TimeStamp");
    int pod = header.indexOf("PodName");
    int service = header.indexOf("ServiceName");
    if (time < 0 || (pod < 0 && service < 0)) {
      throw new TraceFormatException(
          source, "line 1", "a Nezha metric CSV needs TimeStamp and PodName (or ServiceName)");
    }
    int[] col = new int[COLUMNS.size()];
    Signal[] sig = new Signal[col.length];
    double[] factor = new double[col.length];
    int k = 0;
    int known = 0;
    for (var e : COLUMNS.entrySet()) {
      col[k] = header.indexOf(e.getKey());
      sig[k] = (Signal) e.getValue()[0];
      factor[k] = (Double) e.getValue()[1];
      known += col[k] >= 0 ? 1 : 0;
      k++;
    }
    if (known == 0) {
      throw new TraceFormatException(
          source, "line 1", "no metric column Trimtab reads; known: " + COLUMNS.keySet());
    }
    List<String> f;
    while ((f = csv.next()) != null) {
      if (f.size() < header.size()) {
        throw new TraceFormatException(
            source, "line " + csv.line(), f.size() + " fields; the header has " + header.size());
      }
      long t = seconds(f.get(time), source, csv.line());
      String name =
          pod >= 0 ? NezhaCsvReader.serviceOfPod(f.get(pod).strip()) : f.get(service).strip();
      for (int i = 0; i < col.length; i++) {
        if (col[i] < 0) {
          continue;
        }
        double v = value(f.get(col[i]), source, csv.line(), header.get(col[i]));
        if (!out.add(name, sig[i], t, v * factor[i])) {
          throw new TraceFormatException(
              source, "line " + csv.line(), "more metric points than the limit");
        }
      }
    }
  }

  private static long seconds(String s, String source, long line) {
    try {
      double v = Double.parseDouble(s.strip());
      if (!(Math.abs(v) < 9.2e9)) {
        throw new NumberFormatException();
      }
      return Math.round(v * 1e9);
    } catch (NumberFormatException e) {
      throw new TraceFormatException(
          source, "line " + line, "TimeStamp must be Unix seconds, got '" + cut(s) + "'");
    }
  }

  private static double value(String s, String source, long line, String column) {
    String v = s.strip();
    if (v.isEmpty() || v.equalsIgnoreCase("NaN") || v.equalsIgnoreCase("null")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new TraceFormatException(
          source, "line " + line, "column " + column + " is not a number: '" + cut(v) + "'");
    }
  }

  static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
