package dev.trimtab.env.sim;

import java.util.Arrays;

/**
 * Latencies observed in one control interval; exact nearest-rank percentiles at its end. Cost is
 * proportional to the samples, so short intervals with few requests stay cheap.
 */
final class LatencyBuffer {
  private double[] values = new double[64];
  private int size;
  private boolean sorted;

  void add(double latencyMs) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = latencyMs;
    sorted = false;
  }

  int size() {
    return size;
  }

  /**
   * Nearest-rank percentile {@code p} in (0, 100] of the samples plus {@code extraInfinite} samples
   * that count as infinitely slow (failed requests): +Infinity when those reach the rank; 0 when
   * there are no samples at all.
   */
  double percentile(double p, long extraInfinite) {
    long n = size + extraInfinite;
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100 * n));
    if (rank > size) {
      return Double.POSITIVE_INFINITY;
    }
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    return values[(int) rank - 1];
  }

  double percentile(double p) {
    return percentile(p, 0);
  }

  /** How many samples are at most {@code boundMs}. */
  int countAtMost(double boundMs) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] <= boundMs) {
        n++;
      }
    }
    return n;
  }

  void clear() {
    size = 0;
    sorted = false;
  }
}
