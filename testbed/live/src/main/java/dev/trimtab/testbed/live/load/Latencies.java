package dev.trimtab.testbed.live.load;

import java.util.Arrays;

/**
 * Latencies of one interval with exact nearest-rank percentiles, the simulator's definition: the
 * p-th percentile of n samples is the ceil(p/100 · n)-th smallest; failed requests, when counted,
 * are infinitely slow.
 */
final class Latencies {
  private double[] values = new double[64];
  private int size;
  private boolean sorted = true;

  void add(double ms) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = ms;
    sorted = false;
  }

  int size() {
    return size;
  }

  /** Nearest-rank percentile of the samples and {@code failed} infinite ones; 0 with none. */
  double percentile(double p, long failed) {
    long n = size + failed;
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100 * n));
    if (rank > size) {
      return Double.POSITIVE_INFINITY;
    }
    sort();
    return values[(int) rank - 1];
  }

  double percentile(double p) {
    return percentile(p, 0);
  }

  /** Samples at most {@code boundMs}. */
  long countAtMost(double boundMs) {
    sort();
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= boundMs) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void sort() {
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
  }
}
