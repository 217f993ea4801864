package dev.trimtab.env.sim;

import dev.trimtab.env.workload.ArrivalStream;
import dev.trimtab.env.workload.Workload;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Minimal workloads for simulator tests, independent of the workload package's loaders. */
final class TestWorkloads {
  private TestWorkloads() {}

  /** Requests at exactly these times (nondecreasing), then none. */
  static Workload at(double... timesMs) {
    return new Workload() {
      @Override
      public ArrivalStream open(RandomGenerator rng) {
        return new ArrivalStream() {
          private int next;

          @Override
          public double nextArrivalMs() {
            return next < timesMs.length ? timesMs[next++] : Double.POSITIVE_INFINITY;
          }
        };
      }

      @Override
      public Map<String, Double> mix() {
        return Map.of();
      }

      @Override
      public double meanRatePerS(double horizonS) {
        return timesMs.length / horizonS;
      }

      @Override
      public String describe() {
        return "arrivals at " + java.util.Arrays.toString(timesMs) + " ms";
      }
    };
  }

  /** Poisson arrivals at {@code ratePerS} until {@code endMs}. */
  static Workload poisson(double ratePerS, double endMs) {
    return new Workload() {
      @Override
      public ArrivalStream open(RandomGenerator rng) {
        double meanGapMs = 1000 / ratePerS;
        return new ArrivalStream() {
          private double t;

          @Override
          public double nextArrivalMs() {
            t += -meanGapMs * Math.log(1 - rng.nextDouble());
            return t < endMs ? t : Double.POSITIVE_INFINITY;
          }
        };
      }

      @Override
      public Map<String, Double> mix() {
        return Map.of();
      }

      @Override
      public double meanRatePerS(double horizonS) {
        return ratePerS;
      }

      @Override
      public String describe() {
        return "poisson " + ratePerS + " req/s";
      }
    };
  }
}
