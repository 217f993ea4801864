package dev.trimtab.env.workload;

import dev.trimtab.env.config.ConfigException;
import java.nio.file.Path;

/**
 * What one pass over a trace file learns: its length, its arrivals, and the arrivals in the window
 * a stream replays. The pass also validates every number and timestamp, so that a bad file fails at
 * load time rather than in the middle of a run.
 *
 * @param lengthS trace length in seconds: the count of numbers (rps), or the last row's time
 *     rounded down plus one second (csv)
 * @param arrivals requests in the whole trace
 * @param windowStartS start of the replayed window (the start offset)
 * @param windowEndS end of the replayed window's first pass: min(lengthS, offset + duration x
 *     compression)
 * @param windowArrivals requests in the window (seconds cut by the window count pro rata)
 * @param peakSecondArrivals the most requests in any one second of the trace (an rps count, or the
 *     csv rows whose time falls in the same whole second)
 */
public record TraceStats(
    double lengthS,
    long arrivals,
    double windowStartS,
    double windowEndS,
    double windowArrivals,
    long peakSecondArrivals) {

  /** Mean requests per pattern second over the window. */
  public double windowRatePerS() {
    return windowArrivals / (windowEndS - windowStartS);
  }

  static TraceStats scan(Path file, TraceFormat format, CsvColumns columns, WorkloadOptions o) {
    return format == TraceFormat.RPS ? scanRps(file, o) : scanCsv(file, columns, o);
  }

  private static TraceStats scanRps(Path file, WorkloadOptions o) {
    double from = o.startOffsetS();
    double to = o.endPatternS();
    long arrivals = 0;
    double window = 0;
    long second = 0;
    long peak = 0;
    try (RpsReader reader = new RpsReader(file)) {
      for (long count = reader.next(); count >= 0; count = reader.next(), second++) {
        arrivals += count;
        peak = Math.max(peak, count);
        double overlap = Math.min(second + 1, to) - Math.max(second, from);
        if (overlap > 0) {
          window += count * Math.min(1, overlap);
        }
      }
    }
    return checked(file, second, arrivals, from, to, window, peak);
  }

  private static TraceStats scanCsv(Path file, CsvColumns columns, WorkloadOptions o) {
    double from = o.startOffsetS();
    double to = o.endPatternS();
    long arrivals = 0;
    long window = 0;
    double lastS = 0;
    long peak = 0;
    long inSecond = 0;
    try (CsvTraceReader reader = new CsvTraceReader(file, columns)) {
      while (reader.next()) {
        double t = reader.relS();
        if (t < lastS) {
          throw new ConfigException(
              file.toString(),
              columns.timestamp() + " (line " + reader.lineNumber() + ")",
              "goes back in time; rows must be in non-decreasing time order");
        }
        inSecond = Math.floor(t) == Math.floor(lastS) && arrivals > 0 ? inSecond + 1 : 1;
        peak = Math.max(peak, inSecond);
        lastS = t;
        arrivals++;
        if (t >= from && t < to) {
          window++;
        }
      }
    }
    if (arrivals == 0) {
      throw new ConfigException(file.toString(), "", "no rows after the header");
    }
    return checked(file, Math.floor(lastS) + 1, arrivals, from, to, window, peak);
  }

  private static TraceStats checked(
      Path file, double lengthS, long arrivals, double from, double to, double window, long peak) {
    if (from >= lengthS) {
      throw new IllegalArgumentException(
          String.format(
              "startOffsetS %.6g is not before the end of %s (%.6g s long)",
              from, file.getFileName(), lengthS));
    }
    return new TraceStats(lengthS, arrivals, from, Math.min(lengthS, to), window, peak);
  }
}
