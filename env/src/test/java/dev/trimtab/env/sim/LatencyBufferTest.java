package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles by selection against the definition on a sorted copy. */
class LatencyBufferTest {
  @Test
  void percentilesEqualNearestRankOfTheSortedSamples() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int round = 0; round < 300; round++) {
      int n = 1 + rng.nextInt(round < 100 ? 40 : 3000);
      LatencyBuffer buffer = new LatencyBuffer();
      double[] copy = new double[n];
      for (int i = 0; i < n; i++) {
        // coarse values make many duplicates, the hard case for partitioning
        double v = rng.nextBoolean() ? rng.nextInt(20) : rng.nextDouble() * 100;
        buffer.add(v);
        copy[i] = v;
      }
      Arrays.sort(copy);
      // in a random order, twice: later selections search between the ranks settled earlier
      double[] ps = {1, 25, 50, 95, 99, 99.9, 100, 50, 1, 99};
      for (int i = ps.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        double t = ps[i];
        ps[i] = ps[j];
        ps[j] = t;
      }
      for (double p : ps) {
        int rank = (int) Math.max(1, Math.ceil(p / 100 * n));
        assertEquals(copy[rank - 1], buffer.percentile(p), "n=" + n + " p=" + p);
      }
      int failures = rng.nextInt(5);
      int rank = (int) Math.max(1, Math.ceil(0.99 * (n + failures)));
      assertEquals(
          rank > n ? Double.POSITIVE_INFINITY : copy[rank - 1], buffer.percentile(99, failures));
      assertEquals((int) Arrays.stream(copy).filter(v -> v <= 10).count(), buffer.countAtMost(10));
    }
  }

  @Test
  void samplesAddedAfterAPercentileCountInTheNext() {
    LatencyBuffer buffer = new LatencyBuffer();
    for (int i = 1; i <= 100; i++) {
      buffer.add(i);
    }
    assertEquals(50, buffer.percentile(50));
    assertEquals(99, buffer.percentile(99));
    for (int i = 0; i < 100; i++) {
      buffer.add(0.5);
    }
    // 200 samples: 100 of 0.5, then 1..100
    assertEquals(0.5, buffer.percentile(50));
    assertEquals(98, buffer.percentile(99));
    assertEquals(100, buffer.percentile(100));
    buffer.clear();
    buffer.add(7);
    assertEquals(7, buffer.percentile(50));
  }

  @Test
  void emptyIsZero() {
    assertEquals(0, new LatencyBuffer().percentile(99));
  }
}
