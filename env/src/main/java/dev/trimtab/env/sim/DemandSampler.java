package dev.trimtab.env.sim;

import dev.trimtab.env.topology.Demand;
import java.util.random.RandomGenerator;

/**
 * Draws service demands with a given mean and coefficient of variation: deterministic at cv 0,
 * exponential at cv 1, gamma below 1 (shape 1/cv²), log-normal above 1 (heavy right tail, as
 * measured service times have).
 *
 * <p>Public so that the live testbed's services draw their CPU work from the same distributions as
 * the simulator.
 */
public final class DemandSampler {
  // Shapes as int constants: a switch on them compiles to a jump table with no enum ordinal load.
  private static final int DETERMINISTIC = 0;
  private static final int EXPONENTIAL = 1;
  private static final int GAMMA = 2;
  private static final int LOGNORMAL = 3;

  private final int shape;
  private final double meanMs;
  private final double gammaScale;

  /** Marsaglia and Tsang's constants for the gamma shape: d = shape - 1/3, c = 1/sqrt(9d). */
  private final double gammaD;

  private final double gammaC;
  private final double logMu;
  private final double logSigma;

  public DemandSampler(Demand demand) {
    double cv = demand.cv();
    this.meanMs = demand.meanMs();
    if (cv == 0) {
      shape = DETERMINISTIC;
    } else if (Math.abs(cv - 1) < 1e-12) {
      shape = EXPONENTIAL;
    } else if (cv < 1) {
      shape = GAMMA;
    } else {
      shape = LOGNORMAL;
    }
    double gammaShape = cv > 0 ? 1 / (cv * cv) : 0;
    gammaD = gammaShape - 1.0 / 3;
    gammaC = 1 / Math.sqrt(9 * gammaD);
    gammaScale = meanMs * cv * cv;
    logSigma = Math.sqrt(Math.log1p(cv * cv));
    logMu = Math.log(meanMs) - logSigma * logSigma / 2;
  }

  public double meanMs() {
    return meanMs;
  }

  /** One demand in core-milliseconds. */
  public double sample(RandomGenerator rng) {
    return switch (shape) {
      case DETERMINISTIC -> meanMs;
      case EXPONENTIAL -> meanMs * -Math.log(1 - rng.nextDouble());
      case GAMMA -> gammaScale * gamma(gammaD, gammaC, rng);
      default -> Math.exp(logMu + logSigma * rng.nextGaussian());
    };
  }

  /** Marsaglia and Tsang's method for shape >= 1 (cv < 1 gives shape > 1). */
  private static double gamma(double d, double c, RandomGenerator rng) {
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
