package dev.trimtab.agents.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The VPA histogram against hand-computed bucket edges. CPU buckets start at {@code 0.01 × (1.05^n
 * − 1) / 0.05 = 0.2 × (1.05^n − 1)} cores: 0.2 cores falls in bucket 14 (1.05^14.2 = 2), which ends
 * at 0.2 × (1.05^15 − 1) = 0.2 × 1.0789282 = 0.2157856; 0.6 cores in bucket 28 (1.05^28.4 = 4),
 * ending at 0.2 × (1.05^29 − 1) = 0.2 × 3.1161356 = 0.6232271.
 */
class DecayingHistogramTest {
  private static final double MINUTE_MS = 60_000;
  private static final double END_OF_0_2 = 0.2 * (Math.pow(1.05, 15) - 1);
  private static final double END_OF_0_6 = 0.2 * (Math.pow(1.05, 29) - 1);

  @Test
  void bucketEdgesAreTheVpas() {
    DecayingHistogram h = DecayingHistogram.cpuCores(MINUTE_MS);
    assertEquals(0.2157856, END_OF_0_2, 1e-7);
    assertEquals(0.6232271, END_OF_0_6, 1e-7);
    assertEquals(14, h.bucketOf(0.2));
    assertEquals(28, h.bucketOf(0.6));
    assertEquals(0, h.bucketOf(0.005));
    assertEquals(1, h.bucketOf(0.01));
  }

  @Test
  void percentileIsTheEndOfTheBucketThatReachesIt() {
    DecayingHistogram h = DecayingHistogram.cpuCores(MINUTE_MS);
    // Nine samples of 0.2 and one of 0.6, all at t=0 (weight 1 each): 90% of 10 = 9 is reached
    // in the bucket of 0.2; 95% = 9.5 only in the bucket of 0.6.
    for (int i = 0; i < 9; i++) {
      h.add(0.2, 1, 0);
    }
    h.add(0.6, 1, 0);
    assertEquals(END_OF_0_2, h.percentile(0.9), 1e-12);
    assertEquals(END_OF_0_6, h.percentile(0.95), 1e-12);
  }

  @Test
  void recentSamplesWeighMoreByTheHalfLife() {
    DecayingHistogram h = DecayingHistogram.cpuCores(MINUTE_MS);
    // Nine samples of 0.2 at t=0 weigh 9 × 2^0 = 9; one of 0.6 a half-life later weighs 2^1 = 2.
    // Total 11, 90% = 9.9 > 9: the percentile moves to the bucket of 0.6. Without decay (weight
    // 1) it would have stayed at 0.2's, as in the test above.
    for (int i = 0; i < 9; i++) {
      h.add(0.2, 1, 0);
    }
    h.add(0.6, 1, MINUTE_MS);
    assertEquals(END_OF_0_6, h.percentile(0.9), 1e-12);
    // 50% = 5.5 is still reached at 0.2.
    assertEquals(END_OF_0_2, h.percentile(0.5), 1e-12);
  }

  @Test
  void weightsStayFiniteOverThousandsOfHalfLives() {
    DecayingHistogram h = DecayingHistogram.cpuCores(1);
    h.add(0.2, 1, 0);
    // 2^2000 overflows a double; the reference time moves instead, leaving 0.2's weight at
    // 2^-2000 = 0 and 0.6's at 1.
    h.add(0.6, 1, 2000);
    assertEquals(END_OF_0_6, h.percentile(0.5), 1e-12);
    assertEquals(END_OF_0_6, h.percentile(0.01), 1e-12);
  }

  @Test
  void subtractingTheOldPeakLeavesTheNewOne() {
    DecayingHistogram h = DecayingHistogram.memoryMiB(MINUTE_MS);
    h.add(100, 1, 0);
    h.subtract(100, 1, 0);
    assertTrue(h.isEmpty());
    h.add(256, 1, 0);
    // Memory buckets: first 10^7 bytes = 9.5367 MiB; 256 MiB is in bucket 17 (1.05^17.45 =
    // 1 + 256 / 190.7349), which ends at 190.7349 × (1.05^18 − 1) = 268.2913 MiB.
    assertEquals(268.2913, h.percentile(0.9), 1e-4);
  }
}
