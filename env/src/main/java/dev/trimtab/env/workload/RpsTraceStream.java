package dev.trimtab.env.workload;

import java.util.random.RandomGenerator;

/**
 * Replays a per-second count trace: exact counts at uniform instants (scale 1), or a Poisson
 * process whose rate in each second is count x scale. Uniform instants come out sorted without a
 * list: given the last instant u and k left, the next is the minimum of k uniforms on [u, 1).
 */
final class RpsTraceStream extends PatternStream {
  private final TraceWorkload trace;
  private final RandomGenerator rng;
  private final double offsetS;
  private final double scale;
  private final boolean exact;
  private final long[] recentCounts;
  private long recentSum;
  private int recentFilled;
  private int recentNext;
  private RpsReader reader;
  private long second;
  private long count;
  private double loopShiftS;
  private long remaining;
  private double positionInSecond;
  private boolean inSecond;
  private double rate;
  private double nowS;

  RpsTraceStream(TraceWorkload trace, RandomGenerator rng) {
    super(trace.options());
    this.trace = trace;
    this.rng = rng;
    this.offsetS = trace.options().startOffsetS();
    this.scale = trace.options().rateScale();
    this.exact = scale == 1 && trace.smoothingS() == 1;
    this.recentCounts = new long[trace.smoothingS()];
    openAtOffset();
  }

  private void openAtOffset() {
    reader = new RpsReader(trace.file());
    long skip = (long) Math.floor(offsetS);
    for (long i = 0; i < skip; i++) {
      reader.next();
    }
    second = skip - 1;
  }

  @Override
  double nextPatternS() {
    return exact ? nextExact() : nextScaled();
  }

  private double nextExact() {
    while (true) {
      if (remaining == 0) {
        if (!advance()) {
          return Double.POSITIVE_INFINITY;
        }
        remaining = count;
        positionInSecond = 0;
        continue;
      }
      double gap = 1 - Math.pow(rng.nextDouble(), 1.0 / remaining);
      positionInSecond += (1 - positionInSecond) * gap;
      remaining--;
      double t = second + positionInSecond;
      if (t >= offsetS) {
        return t + loopShiftS;
      }
    }
  }

  private double nextScaled() {
    while (true) {
      if (!inSecond) {
        if (!advance()) {
          return Double.POSITIVE_INFINITY;
        }
        rate = smoothedCount() * scale;
        nowS = Math.max(second, offsetS);
        inSecond = true;
      }
      if (rate > 0) {
        double next = nowS + rng.nextExponential() / rate;
        if (next < second + 1) {
          nowS = next;
          return next + loopShiftS;
        }
      }
      inSecond = false;
    }
  }

  /** The mean count over the last {@code smoothingS} seconds (fewer at the start). */
  private double smoothedCount() {
    recentSum += count - recentCounts[recentNext];
    recentCounts[recentNext] = count;
    recentNext = (recentNext + 1) % recentCounts.length;
    recentFilled = Math.min(recentFilled + 1, recentCounts.length);
    return (double) recentSum / recentFilled;
  }

  private boolean advance() {
    long c = reader.next();
    if (c < 0) {
      if (!trace.loop()) {
        return false;
      }
      reader.close();
      openAtOffset();
      loopShiftS += trace.stats().lengthS() - offsetS;
      c = reader.next();
      if (c < 0) {
        return false;
      }
    }
    second++;
    count = c;
    return true;
  }

  @Override
  public void close() {
    reader.close();
  }
}
