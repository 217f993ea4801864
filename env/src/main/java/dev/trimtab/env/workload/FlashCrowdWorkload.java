package dev.trimtab.env.workload;

import java.util.random.RandomGenerator;

/**
 * A sudden surge: {@code baseRatePerS} until {@code startS}, a linear ramp to {@code baseRatePerS x
 * peakMultiple} over {@code rampS}, a hold at the peak for {@code holdS}, a linear decay back to
 * the base over {@code decayS}, then the base again. A Poisson process with that rate: counts in a
 * window of the hold are Poisson with mean {@code base x peak x window}.
 *
 * @param baseRatePerS rate before and after the surge (> 0)
 * @param peakMultiple peak rate over base rate (> 0; below 1 makes a dip)
 * @param startS pattern time the ramp starts (>= 0)
 * @param rampS ramp length (>= 0)
 * @param holdS time at the peak (>= 0)
 * @param decayS decay length (>= 0)
 */
public record FlashCrowdWorkload(
    double baseRatePerS,
    double peakMultiple,
    double startS,
    double rampS,
    double holdS,
    double decayS,
    WorkloadOptions options)
    implements WorkloadSpec, RateProfile {

  public FlashCrowdWorkload {
    if (!(baseRatePerS > 0 && Double.isFinite(baseRatePerS))) {
      throw new IllegalArgumentException("baseRatePerS must be finite and > 0");
    }
    if (!(peakMultiple > 0 && Double.isFinite(peakMultiple))) {
      throw new IllegalArgumentException("peakMultiple must be finite and > 0");
    }
    for (double t : new double[] {startS, rampS, holdS, decayS}) {
      if (!(t >= 0 && Double.isFinite(t))) {
        throw new IllegalArgumentException("startS, rampS, holdS and decayS must be >= 0");
      }
    }
  }

  @Override
  public ArrivalStream open(RandomGenerator rng) {
    return new ThinningStream(this, options, rng);
  }

  private double peakAtS() {
    return startS + rampS;
  }

  private double decayAtS() {
    return startS + rampS + holdS;
  }

  private double endS() {
    return startS + rampS + holdS + decayS;
  }

  /** Rate multiple at pattern time s: 1, ramping to peakMultiple, held, decaying to 1. */
  public double multipleAt(double s) {
    if (s < startS || s >= endS()) {
      return 1;
    } else if (s < peakAtS()) {
      return 1 + (peakMultiple - 1) * (s - startS) / rampS;
    } else if (s < decayAtS()) {
      return peakMultiple;
    }
    return peakMultiple + (1 - peakMultiple) * (s - decayAtS()) / decayS;
  }

  @Override
  public double rateAt(double s) {
    return baseRatePerS * multipleAt(s);
  }

  @Override
  public double segmentEndS(double s) {
    if (s < startS) {
      return startS;
    } else if (s < peakAtS()) {
      return peakAtS();
    } else if (s < decayAtS()) {
      return decayAtS();
    }
    return s < endS() ? endS() : Double.POSITIVE_INFINITY;
  }

  @Override
  public boolean constantAt(double s) {
    return s < startS || s >= endS() || (s >= peakAtS() && s < decayAtS());
  }

  @Override
  public String kind() {
    return "flash-crowd";
  }

  /** Exact integral of the piecewise-linear rate (trapezoids between breakpoints). */
  @Override
  public double patternCount(double fromS, double toS) {
    double total = 0;
    double a = fromS;
    while (a < toS) {
      double b = Math.min(segmentEndS(a), toS);
      total += (b - a) * (rateAt(a) + rateAt(Math.nextDown(b))) / 2;
      a = b;
    }
    return total;
  }

  @Override
  public double windowPatternRatePerS() {
    double from = options.startOffsetS();
    double to = options.endPatternS();
    return Double.isFinite(to) ? patternCount(from, to) / (to - from) : baseRatePerS;
  }

  @Override
  public WorkloadSpec withOptions(WorkloadOptions o) {
    return new FlashCrowdWorkload(baseRatePerS, peakMultiple, startS, rampS, holdS, decayS, o);
  }

  @Override
  public String describe() {
    return "flash-crowd "
        + WorkloadOptions.num(baseRatePerS)
        + " req/s, x"
        + WorkloadOptions.num(peakMultiple)
        + " from "
        + WorkloadOptions.num(startS)
        + " s (ramp "
        + WorkloadOptions.num(rampS)
        + " s, hold "
        + WorkloadOptions.num(holdS)
        + " s, decay "
        + WorkloadOptions.num(decayS)
        + " s)"
        + options.describeSuffix();
  }
}
