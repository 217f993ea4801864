package dev.trimtab.env.power;

/**
 * Integrates piecewise-constant power over simulated time into energy (J) and carbon (g CO2).
 *
 * <p>Each {@link #advance(double, double)} says "the power was {@code powerW} from the meter's
 * current time until {@code toS}"; for such a step function the integral is exact. Sums are
 * compensated (Neumaier), so millions of small steps lose no precision. Mutable and not
 * thread-safe: one meter per thing measured (a replica, a service, the cluster). Allocates nothing.
 */
public final class EnergyMeter {
  /** Joules in one kilowatt-hour. */
  public static final double JOULES_PER_KWH = 3.6e6;

  private final CarbonIntensity intensity;
  private double nowS;
  private double energyJ;
  private double energyCompensation;
  private double carbonG;
  private double carbonCompensation;

  /** A meter starting at {@code startS} that counts carbon with {@code intensity}. */
  public EnergyMeter(double startS, CarbonIntensity intensity) {
    if (!Double.isFinite(startS)) {
      throw new IllegalArgumentException("startS must be finite, got " + startS);
    }
    if (intensity == null) {
      throw new IllegalArgumentException("intensity must not be null");
    }
    this.nowS = startS;
    this.intensity = intensity;
  }

  /** A meter starting at {@code startS} with a carbon-free grid: {@link #carbonG()} stays 0. */
  public EnergyMeter(double startS) {
    this(startS, CarbonIntensity.constant(0));
  }

  /**
   * Records that the power was {@code powerW} from {@link #nowS()} until {@code toS}, and moves the
   * meter to {@code toS}.
   *
   * @throws IllegalArgumentException if {@code toS} is before {@link #nowS()} or power is negative
   */
  public void advance(double powerW, double toS) {
    if (!(powerW >= 0) || powerW == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("powerW must be finite and >= 0, got " + powerW);
    }
    if (!(toS >= nowS) || toS == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("toS " + toS + " is before the meter's time " + nowS);
    }
    addEnergy(powerW * (toS - nowS));
    addCarbon(intensity.carbonGrams(powerW, nowS, toS));
    nowS = toS;
  }

  private void addEnergy(double x) {
    double t = energyJ + x;
    energyCompensation += Math.abs(energyJ) >= Math.abs(x) ? (energyJ - t) + x : (x - t) + energyJ;
    energyJ = t;
  }

  private void addCarbon(double x) {
    double t = carbonG + x;
    carbonCompensation += Math.abs(carbonG) >= Math.abs(x) ? (carbonG - t) + x : (x - t) + carbonG;
    carbonG = t;
  }

  /** The meter's current simulated time in seconds. */
  public double nowS() {
    return nowS;
  }

  /** Energy so far, in joules. */
  public double energyJ() {
    return energyJ + energyCompensation;
  }

  /** Energy so far, in kilowatt-hours. */
  public double energyKWh() {
    return kWh(energyJ());
  }

  /** Carbon so far, in grams of CO2 (equivalent, as the intensity series gives it). */
  public double carbonG() {
    return carbonG + carbonCompensation;
  }

  /** Converts joules to kilowatt-hours. */
  public static double kWh(double joules) {
    return joules / JOULES_PER_KWH;
  }
}
