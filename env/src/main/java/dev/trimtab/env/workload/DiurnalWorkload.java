package dev.trimtab.env.workload;

import java.util.random.RandomGenerator;

/**
 * A day-shaped Poisson process: the rate follows a raised cosine between {@code minRatePerS} (at
 * pattern time {@code phaseS} and every period after) and {@code maxRatePerS} (half a period
 * later): {@code rate(s) = min + (max - min)(1 - cos(2 pi (s - phaseS) / periodS)) / 2}. Its mean
 * over a whole period is {@code (min + max) / 2}; counts in a short window are Poisson around the
 * local rate.
 *
 * @param minRatePerS trough rate (>= 0)
 * @param maxRatePerS peak rate (>= min, > 0)
 * @param periodS period in pattern seconds (> 0; 86400 for a day)
 * @param phaseS a pattern time at which the rate is at its trough (>= 0)
 */
public record DiurnalWorkload(
    double minRatePerS, double maxRatePerS, double periodS, double phaseS, WorkloadOptions options)
    implements WorkloadSpec, RateProfile {

  /** Segments per period; each lies within a monotone half-period. */
  private static final int SEGMENTS_PER_PERIOD = 32;

  public DiurnalWorkload {
    if (!(minRatePerS >= 0 && maxRatePerS >= minRatePerS && maxRatePerS > 0)) {
      throw new IllegalArgumentException("need 0 <= minRatePerS <= maxRatePerS, maxRatePerS > 0");
    }
    if (!(periodS > 0 && Double.isFinite(periodS) && phaseS >= 0 && Double.isFinite(phaseS))) {
      throw new IllegalArgumentException("need periodS > 0 and phaseS >= 0");
    }
  }

  @Override
  public ArrivalStream open(RandomGenerator rng) {
    return new ThinningStream(this, options, rng);
  }

  @Override
  public double rateAt(double s) {
    double angle = 2 * Math.PI * (s - phaseS) / periodS;
    return minRatePerS + (maxRatePerS - minRatePerS) * (1 - Math.cos(angle)) / 2;
  }

  @Override
  public double segmentEndS(double s) {
    double step = periodS / SEGMENTS_PER_PERIOD;
    double k = Math.floor((s - phaseS) / step) + 1;
    double end = phaseS + k * step;
    return end > s ? end : phaseS + (k + 1) * step;
  }

  @Override
  public boolean constantAt(double s) {
    return minRatePerS == maxRatePerS;
  }

  @Override
  public String kind() {
    return "diurnal";
  }

  @Override
  public double patternCount(double fromS, double toS) {
    double mid = (minRatePerS + maxRatePerS) / 2;
    double amplitude = (maxRatePerS - minRatePerS) / 2;
    double w = 2 * Math.PI / periodS;
    double sine = Math.sin(w * (toS - phaseS)) - Math.sin(w * (fromS - phaseS));
    return mid * (toS - fromS) - amplitude * sine / w;
  }

  @Override
  public double windowPatternRatePerS() {
    double from = options.startOffsetS();
    double to = options.endPatternS();
    return Double.isFinite(to)
        ? patternCount(from, to) / (to - from)
        : (minRatePerS + maxRatePerS) / 2;
  }

  @Override
  public WorkloadSpec withOptions(WorkloadOptions newOptions) {
    return new DiurnalWorkload(minRatePerS, maxRatePerS, periodS, phaseS, newOptions);
  }

  @Override
  public String describe() {
    return "diurnal "
        + WorkloadOptions.num(minRatePerS)
        + ".."
        + WorkloadOptions.num(maxRatePerS)
        + " req/s, period "
        + WorkloadOptions.num(periodS)
        + " s"
        + options.describeSuffix();
  }
}
