package dev.trimtab.env.sim;

import java.util.Arrays;

/**
 * Latencies observed in one control interval; exact nearest-rank percentiles at its end, found by
 * selection (expected linear time per percentile) rather than by sorting. Cost is proportional to
 * the samples, so short intervals with few requests stay cheap.
 *
 * <p>Each selection leaves its rank in its sorted place with smaller samples before it and larger
 * after; the buffer remembers those ranks, so a later percentile searches only between the two
 * nearest of them. Selection is quickselect with Floyd and Rivest's pivot, about one pass over the
 * searched range plus the distance from k to its nearer end, partitioning without branches.
 */
final class LatencyBuffer {
  private double[] values = new double[64];
  private int size;

  /** Ranks (0-based) already in their sorted place, ascending, for the first settledFor samples. */
  private final int[] settled = new int[8];

  private int settledCount;
  private int settledFor;

  void add(double latencyMs) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = latencyMs;
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
    return select((int) rank - 1);
  }

  /** The k-th smallest sample (0-based); reorders the samples, which are a multiset. */
  private double select(int k) {
    if (settledFor != size) {
      // samples were added since: nothing is in its sorted place any more (checked here, not in
      // add, which runs for every call)
      settledCount = 0;
      settledFor = size;
    }
    int lo = 0;
    int hi = size - 1;
    int at = 0;
    while (at < settledCount && settled[at] < k) {
      lo = settled[at] + 1;
      at++;
    }
    if (at < settledCount) {
      if (settled[at] == k) {
        return values[k];
      }
      hi = settled[at] - 1;
    }
    double value = selectWithin(k, lo, hi);
    if (settledCount < settled.length) {
      System.arraycopy(settled, at, settled, at + 1, settledCount - at);
      settled[at] = k;
      settledCount++;
    }
    return value;
  }

  /**
   * The k-th smallest sample, knowing it lies among positions lo..hi: quickselect with Floyd and
   * Rivest's pivot (CACM 18(3), 1975) and a partition without data-dependent branches. On a range
   * of more than 600 samples it first selects within a small sample of it around where k should
   * fall, so the pivot is nearly the k-th value and one partition pass leaves little to search. The
   * partition (Lomuto's, moving every sample and advancing the boundary by the comparison's 0 or 1)
   * takes no branch whose outcome depends on the data: near the median those branches are a coin
   * toss that the processor mispredicts half the time. Afterwards the samples left of k are no
   * larger and those right of it no smaller.
   */
  private double selectWithin(int k, int lo, int hi) {
    double[] a = values;
    int left = lo;
    int right = hi;
    while (right > left) {
      if (right - left > 600) {
        int n = right - left + 1;
        int i = k - left + 1;
        double z = Math.log(n);
        double s = 0.5 * Math.exp(2 * z / 3);
        double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * Math.signum(i - n / 2.0);
        int sampleLeft = Math.max(left, (int) (k - i * s / n + sd));
        int sampleRight = Math.min(right, (int) (k + (n - i) * s / n + sd));
        selectWithin(k, sampleLeft, sampleRight);
      }
      double t = a[k];
      swap(a, k, right);
      int below = partition(a, left, right, t, false); // [left, below) < t
      if (k < below) {
        right = below - 1;
        continue;
      }
      // [below, right] >= t: put the samples equal to t first, so a run of equal samples ends it
      int equalEnd = partition(a, below, right, t, true); // [below, equalEnd) == t
      if (k < equalEnd) {
        return t;
      }
      left = equalEnd;
    }
    return a[k];
  }

  /**
   * Moves the samples of {@code a[from..to]} that are below {@code t} (or at most {@code t}, if
   * {@code orEqual}) to the front of the range and returns where the rest begin.
   */
  private static int partition(double[] a, int from, int to, double t, boolean orEqual) {
    int store = from;
    if (orEqual) {
      for (int i = from; i <= to; i++) {
        double v = a[i];
        a[i] = a[store];
        a[store] = v;
        store += v <= t ? 1 : 0;
      }
    } else {
      for (int i = from; i <= to; i++) {
        double v = a[i];
        a[i] = a[store];
        a[store] = v;
        store += v < t ? 1 : 0;
      }
    }
    return store;
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
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
    settledCount = 0;
  }
}
