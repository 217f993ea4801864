package dev.trimtab.env.workload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/** Test helpers: count a stream's arrivals in fixed windows and summarise the counts. */
final class Arrivals {
  private Arrivals() {}

  /** Arrivals per window of {@code windowS} over [0, windows x windowS), asserting time order. */
  static long[] countsPerWindow(Workload workload, long seed, double windowS, int windows) {
    long[] counts = new long[windows];
    double previousMs = 0;
    try (ArrivalStream stream = workload.open(new SplittableRandom(seed))) {
      while (true) {
        double ms = stream.nextArrivalMs();
        assertTrue(ms >= previousMs, "arrivals must be non-decreasing: " + ms + " < " + previousMs);
        previousMs = ms;
        int window = (int) Math.floor(ms / 1000 / windowS);
        if (window >= windows) {
          return counts;
        }
        counts[window]++;
      }
    }
  }

  static double mean(long[] xs) {
    double sum = 0;
    for (long x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  /** Sample variance (n - 1). */
  static double variance(long[] xs) {
    double mean = mean(xs);
    double sum = 0;
    for (long x : xs) {
      sum += (x - mean) * (x - mean);
    }
    return sum / (xs.length - 1);
  }

  static long sum(long[] xs, int from, int to) {
    long total = 0;
    for (int i = from; i < to; i++) {
      total += xs[i];
    }
    return total;
  }
}
