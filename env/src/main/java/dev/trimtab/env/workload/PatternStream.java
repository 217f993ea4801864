package dev.trimtab.env.workload;

/**
 * Base of every stream: subclasses produce arrivals in pattern time; this maps them to simulated
 * milliseconds through the options and ends the stream at {@code durationS}.
 */
abstract class PatternStream implements ArrivalStream {
  private final double offsetS;
  private final double compression;
  private final double durationS;
  private boolean ended;

  PatternStream(WorkloadOptions options) {
    this.offsetS = options.startOffsetS();
    this.compression = options.timeCompression();
    this.durationS = options.durationS();
  }

  /** The next arrival in pattern seconds (>= startOffsetS, non-decreasing), or +Infinity. */
  abstract double nextPatternS();

  @Override
  public final double nextArrivalMs() {
    if (ended) {
      return Double.POSITIVE_INFINITY;
    }
    double simS = (nextPatternS() - offsetS) / compression;
    if (!(simS < durationS)) {
      ended = true;
      close();
      return Double.POSITIVE_INFINITY;
    }
    return simS * 1000.0;
  }
}
