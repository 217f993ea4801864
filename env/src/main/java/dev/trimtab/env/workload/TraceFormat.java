package dev.trimtab.env.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a trace file is laid out. Files may be plain or gzip; gzip is detected by magic bytes. */
public enum TraceFormat {
  /** Whitespace-separated non-negative integers: requests in each successive second. */
  RPS,
  /** CSV with a header row, one row per request, a timestamp column and optional token counts. */
  CSV;

  /** The name used in files: {@code rps} or {@code csv}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Names accepted in files. */
  public static List<String> fileNames() {
    return Arrays.stream(values()).map(TraceFormat::fileName).toList();
  }

  /** {@code csv} for names ending in .csv or .csv.gz, otherwise {@code rps}. */
  public static TraceFormat guess(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".csv.gz") ? CSV : RPS;
  }
}
