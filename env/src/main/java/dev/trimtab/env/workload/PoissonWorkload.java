package dev.trimtab.env.workload;

import java.util.random.RandomGenerator;

/**
 * Arrivals at a constant rate with exponential gaps: counts in any window of length w are Poisson
 * with mean and variance {@code ratePerS x w}.
 *
 * @param ratePerS requests per second before scaling (> 0)
 */
public record PoissonWorkload(double ratePerS, WorkloadOptions options) implements WorkloadSpec {

  public PoissonWorkload {
    if (!(ratePerS > 0 && Double.isFinite(ratePerS))) {
      throw new IllegalArgumentException("ratePerS must be finite and > 0");
    }
  }

  @Override
  public ArrivalStream open(RandomGenerator rng) {
    RateProfile constant =
        new RateProfile() {
          @Override
          public double rateAt(double s) {
            return ratePerS;
          }

          @Override
          public double segmentEndS(double s) {
            return Double.POSITIVE_INFINITY;
          }

          @Override
          public boolean constantAt(double s) {
            return true;
          }
        };
    return new ThinningStream(constant, options, rng);
  }

  @Override
  public String kind() {
    return "poisson";
  }

  @Override
  public double patternCount(double fromS, double toS) {
    return ratePerS * (toS - fromS);
  }

  @Override
  public double windowPatternRatePerS() {
    return ratePerS;
  }

  @Override
  public WorkloadSpec withOptions(WorkloadOptions newOptions) {
    return new PoissonWorkload(ratePerS, newOptions);
  }

  @Override
  public String describe() {
    return "poisson " + WorkloadOptions.num(ratePerS) + " req/s" + options.describeSuffix();
  }
}
