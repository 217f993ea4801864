package dev.trimtab.env.workload;

import static dev.trimtab.env.workload.Arrivals.countsPerWindow;
import static dev.trimtab.env.workload.Arrivals.mean;
import static dev.trimtab.env.workload.Arrivals.sum;
import static dev.trimtab.env.workload.Arrivals.variance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Synthetic kinds against Poisson and MMPP theory; tolerances are about 5 standard errors. */
class SyntheticWorkloadTest {
  private static final WorkloadOptions DEFAULTS = WorkloadOptions.DEFAULTS;

  @Test
  void poissonCountsHaveMeanAndVarianceEqualToTheRate() {
    long[] counts = countsPerWindow(new PoissonWorkload(200, DEFAULTS), 1, 1.0, 2000);
    // standard error of the mean: sqrt(200 / 2000) = 0.32; of the dispersion: sqrt(2 / 2000)
    assertEquals(200, mean(counts), 1.6);
    assertEquals(1.0, variance(counts) / mean(counts), 0.16);
  }

  @Test
  void diurnalMeanIsTheMidpointAndPeaksAndTroughsHitMaxAndMin() {
    DiurnalWorkload diurnal = new DiurnalWorkload(50, 400, 3600, 0, DEFAULTS);
    long[] counts = countsPerWindow(diurnal, 2, 1.0, 3 * 3600);
    // (50 + 400) / 2 = 225 req/s over whole periods; standard error sqrt(225 / 10800) = 0.14
    assertEquals(225, mean(counts), 0.75);
    long peak = 0;
    long trough = 0;
    for (int p = 0; p < 3; p++) {
      peak += sum(counts, p * 3600 + 1770, p * 3600 + 1830);
      trough +=
          sum(counts, p * 3600 + 3570, p * 3600 + 3600) + sum(counts, p * 3600, p * 3600 + 30);
    }
    // 3 windows of 60 s at the peak: 72,000 (curvature -0.05%), sd 268
    assertEquals(3 * 60 * 400, peak, 0.02 * 72_000);
    // 30 s either side of the troughs at 0, 3600, 7200 and 10800: 180 s x 50, sd 95
    assertEquals(3 * 60 * 50, trough, 0.06 * 9_000);
    assertEquals(225, diurnal.meanRatePerS(3600), 1e-9);
  }

  @Test
  void mmppMeanIsStationaryWeightedAndCountsAreOverDispersedAsTheoryPredicts() {
    MmppWorkload mmpp = new MmppWorkload(List.of(10.0, 80.0), List.of(3.0, 0.5), DEFAULTS);
    assertEquals((10 * 3 + 80 * 0.5) / 3.5, mmpp.stationaryRatePerS(), 1e-12);
    long[] counts = countsPerWindow(mmpp, 3, 1.0, 100_000);
    // asymptotic variance 514 per second: standard error of the mean sqrt(514 / 1e5) = 0.072
    assertEquals(20, mean(counts), 0.4);
    // Var N(1) = mean + 2 v (1 / g - (1 - e^-g) / g^2), v = pi1 pi2 (80 - 10)^2, g = 1/3 + 2
    double share = 3 / 3.5;
    double v = share * (1 - share) * 70 * 70;
    double g = 1 / 3.0 + 2;
    double theory = (20 + 2 * v * (1 / g - (1 - Math.exp(-g)) / (g * g))) / 20;
    double dispersion = variance(counts) / mean(counts);
    assertTrue(theory > 10, "theory: " + theory);
    assertEquals(theory, dispersion, 0.1 * theory);
  }

  @Test
  void flashCrowdHoldsBaseTimesPeakAndMatchesTheHandComputedTotal() {
    FlashCrowdWorkload flash = new FlashCrowdWorkload(100, 5, 120, 10, 60, 30, DEFAULTS);
    long[] counts = countsPerWindow(flash, 4, 1.0, 300);
    // hold [130, 190): 60 s x 500 req/s = 30,000, sd 173
    assertEquals(30_000, sum(counts, 130, 190), 900);
    // before the start: 120 s x 100 = 12,000, sd 110
    assertEquals(12_000, sum(counts, 0, 120), 550);
    // 300 s x 100 + ramp 10 x 400 / 2 + hold 60 x 400 + decay 30 x 400 / 2 = 62,000
    assertEquals(62_000, flash.meanRatePerS(300) * 300, 1e-6);
    assertEquals(62_000, sum(counts, 0, 300), 5 * Math.sqrt(62_000));
  }

  @Test
  void rateScaleMultipliesTheMeanRate() {
    WorkloadOptions half = DEFAULTS.withScale(0.5, Double.NaN);
    long[] counts = countsPerWindow(new PoissonWorkload(400, half), 5, 1.0, 1000);
    assertEquals(200, mean(counts), 2.3);
  }

  @Test
  void timeCompressionDividesEveryArrivalTimeAndDurationEndsTheStream() {
    WorkloadOptions compressed = new WorkloadOptions(1, Double.NaN, 0, 4, 10, java.util.Map.of());
    double[] plain = first(new PoissonWorkload(50, DEFAULTS), 9, 100);
    double[] fast = first(new PoissonWorkload(50, compressed), 9, 100);
    for (int i = 0; i < plain.length; i++) {
      assertEquals(plain[i] / 4, fast[i], 1e-9);
    }
    try (ArrivalStream stream = new PoissonWorkload(50, compressed).open(new SplittableRandom(9))) {
      double ms = 0;
      int n = 0;
      while ((ms = stream.nextArrivalMs()) < Double.POSITIVE_INFINITY) {
        assertTrue(ms < 10_000);
        n++;
      }
      // 10 simulated s x 50 x 4 = 2000 expected, sd 45
      assertEquals(2000, n, 225);
      assertEquals(Double.POSITIVE_INFINITY, stream.nextArrivalMs());
    }
  }

  @Test
  void sameSeedGivesTheSameSequenceAndAnotherSeedADifferentOne() {
    for (String spec :
        List.of(
            "poisson:rate=300",
            "diurnal:min=50,max=400,period=60",
            "mmpp:rates=100/800,sojourn=3/1",
            "flash-crowd:base=100,peak=5,start=1,ramp=1,hold=2,decay=1")) {
      Workload w = WorkloadLoader.parseSpec(spec, Path.of("."));
      assertArrayEquals(first(w, 42, 5000), first(w, 42, 5000), spec);
      assertFalse(Arrays.equals(first(w, 42, 5000), first(w, 43, 5000)), spec);
    }
  }

  static double[] first(Workload workload, long seed, int n) {
    double[] out = new double[n];
    try (ArrivalStream stream = workload.open(new SplittableRandom(seed))) {
      for (int i = 0; i < n; i++) {
        out[i] = stream.nextArrivalMs();
      }
    }
    return out;
  }
}
