package dev.trimtab.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trimtab.env.space.Box;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Normalised counter observations worked out by hand: the raw observations are 0, 1, 2, 2, then 0
 * after a reset; each is standardised with the mean and population variance of all seen so far.
 */
class NormalizeObservationTest {
  private static final double TOLERANCE = 1e-7;

  @Test
  void observationsAreStandardisedWithRunningStatisticsAcrossEpisodes() {
    NormalizeObservation<Integer> env = new NormalizeObservation<>(new CounterEnv(5, 0));
    assertEquals(0.0, env.reset(4).observation()[0], TOLERANCE, "first value maps to 0");
    // 0, 1: mean 0.5, variance 0.25
    assertEquals(1.0, env.step(1).observation()[0], TOLERANCE);
    // 0, 1, 2: mean 1, variance 2/3
    assertEquals(1 / Math.sqrt(2.0 / 3), env.step(1).observation()[0], TOLERANCE);
    // 0, 1, 2, 2: mean 1.25, variance 0.6875
    assertEquals(0.75 / Math.sqrt(0.6875), env.step(0).observation()[0], TOLERANCE);
    // a new episode keeps the statistics; 0, 1, 2, 2, 0: mean 1, variance 0.8
    assertEquals(-1 / Math.sqrt(0.8), env.reset().observation()[0], TOLERANCE);
    RunningMeanVar stats = env.statistics();
    assertEquals(5, stats.count());
    assertArrayEquals(new double[] {1.0}, stats.mean(), 1e-12);
    assertArrayEquals(new double[] {0.8}, stats.variance(), 1e-12);
  }

  @Test
  void frozenStatisticsAreUsedButNotChanged() {
    NormalizeObservation<Integer> env = new NormalizeObservation<>(new CounterEnv(5, 0));
    env.reset(4);
    env.step(1);
    env.step(1);
    env.setUpdating(false);
    // statistics of 0, 1, 2: mean 1, variance 2/3; the raw 3 maps to 2 / sqrt(2/3)
    assertEquals(2 / Math.sqrt(2.0 / 3), env.step(1).observation()[0], TOLERANCE);
    assertEquals(3, env.statistics().count());

    NormalizeObservation<Integer> eval =
        new NormalizeObservation<>(new CounterEnv(5, 0), env.statistics());
    eval.setUpdating(false);
    assertEquals(-1 / Math.sqrt(2.0 / 3), eval.reset(4).observation()[0], TOLERANCE);
    assertThrows(
        IllegalArgumentException.class,
        () -> new NormalizeObservation<>(new CounterEnv(5, 0), new RunningMeanVar(2)));
  }

  @Test
  void theObservationSpaceBecomesOneUnboundedBox() {
    NormalizeObservation<Integer> env = new NormalizeObservation<>(new CounterEnv(5, 0));
    assertEquals(Box.unbounded(1), env.observationSpace());
    assertSame(env.observationSpace(), env.observationSpace());
  }

  /** Welford against the two-pass formula on data far from zero, where naive sums cancel. */
  @Test
  void runningStatisticsMatchTheTwoPassFormula() {
    SplittableRandom random = new SplittableRandom(5);
    double[][] data = new double[1000][2];
    for (double[] row : data) {
      row[0] = 1e9 + random.nextDouble();
      row[1] = random.nextGaussian() * 3 - 7;
    }
    RunningMeanVar stats = new RunningMeanVar(2);
    for (double[] row : data) {
      stats.update(row);
    }
    for (int d = 0; d < 2; d++) {
      double mean = 0;
      for (double[] row : data) {
        mean += row[d];
      }
      mean /= data.length;
      double squares = 0;
      for (double[] row : data) {
        squares += (row[d] - mean) * (row[d] - mean);
      }
      assertEquals(mean, stats.mean()[d], Math.abs(mean) * 1e-14 + 1e-12);
      assertEquals(squares / data.length, stats.variance()[d], 1e-6 * squares / data.length);
    }
    assertThrows(IllegalArgumentException.class, () -> stats.update(new double[3]));
  }
}
