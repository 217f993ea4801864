package dev.trimtab.env.workload;

import java.nio.file.Path;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Replays a recorded trace, streaming the file (never loading it whole).
 *
 * <p><b>rps</b> traces hold per-second counts. With {@code rateScale == 1} each second's exact
 * count is replayed, at uniform random instants within the second (a Poisson process conditioned on
 * the count). With any other scale the count times the scale is that second's rate of a Poisson
 * process, so a second of count c yields Poisson(c x scale) arrivals: thinning and replication in
 * one rule, with no rounding bias.
 *
 * <p><b>csv</b> traces hold one row per request, replayed at exactly its time after the first row.
 * A scale s turns each row into floor(s) or floor(s) + 1 copies (the latter with probability s -
 * floor(s)), so scale 0.5 keeps each row with probability 0.5; the first copy keeps the row's time
 * and the others fall at uniform instants before the next row, so order is preserved. Copies carry
 * the row's token counts.
 *
 * <p>Streams end at the trace's end, or with {@code loop} replay the window from {@code
 * startOffsetS} again, back to back.
 *
 * @param file the trace file, plain or gzip
 * @param format rps or csv
 * @param loop whether to repeat after the end
 * @param smoothingS rps traces only: the rate in each second is the mean count of the last this
 *     many seconds, so that a sparse trace scaled up keeps its shape at that scale without turning
 *     each second into a burst or a silence
 * @param columns csv column names (ignored for rps)
 * @param stats the length and window totals from a pass over the file
 */
public record TraceWorkload(
    Path file,
    TraceFormat format,
    boolean loop,
    int smoothingS,
    CsvColumns columns,
    TraceStats stats,
    WorkloadOptions options)
    implements WorkloadSpec {

  public TraceWorkload {
    if (smoothingS < 1) {
      throw new IllegalArgumentException("smoothingS must be >= 1, got " + smoothingS);
    }
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(options, "options");
  }

  /**
   * Reads the trace once to validate it and to measure its window.
   *
   * @throws dev.trimtab.env.config.ConfigException when the file's content is malformed
   * @throws IllegalArgumentException when the start offset is past the trace's end
   */
  public static TraceWorkload of(
      Path file, TraceFormat format, boolean loop, CsvColumns columns, WorkloadOptions options) {
    return of(file, format, loop, 1, columns, options);
  }

  /**
   * As {@link #of(Path, TraceFormat, boolean, CsvColumns, WorkloadOptions)}, with the rate of an
   * rps trace taken as the mean count of the last {@code smoothingS} seconds (1: no smoothing).
   */
  public static TraceWorkload of(
      Path file,
      TraceFormat format,
      boolean loop,
      int smoothingS,
      CsvColumns columns,
      WorkloadOptions options) {
    TraceStats stats = TraceStats.scan(file, format, columns, options);
    return new TraceWorkload(file, format, loop, smoothingS, columns, stats, options);
  }

  @Override
  public ArrivalStream open(RandomGenerator rng) {
    return format == TraceFormat.RPS
        ? new RpsTraceStream(this, rng)
        : new CsvTraceStream(this, rng);
  }

  @Override
  public String kind() {
    return "trace";
  }

  /** Estimated from the window's mean rate (exact over the whole window). */
  @Override
  public double patternCount(double fromS, double toS) {
    return stats.windowRatePerS() * (toS - fromS);
  }

  @Override
  public double windowPatternRatePerS() {
    return stats.windowRatePerS();
  }

  @Override
  public WorkloadSpec withOptions(WorkloadOptions o) {
    boolean sameWindow =
        o.startOffsetS() == options.startOffsetS() && o.endPatternS() == options.endPatternS();
    return sameWindow
        ? new TraceWorkload(file, format, loop, smoothingS, columns, stats, o)
        : of(file, format, loop, smoothingS, columns, o);
  }

  @Override
  public String describe() {
    return "trace "
        + file.getFileName()
        + " ("
        + format.fileName()
        + ", "
        + WorkloadOptions.num(stats.lengthS())
        + " s, "
        + stats.arrivals()
        + " requests"
        + (smoothingS > 1 ? ", smoothed over " + smoothingS + " s" : "")
        + (loop ? ", looped)" : ")")
        + options.describeSuffix();
  }
}
