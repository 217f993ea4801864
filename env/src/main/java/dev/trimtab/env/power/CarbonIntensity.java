package dev.trimtab.env.power;

import java.nio.file.Path;

/**
 * Grid carbon intensity (g CO2 per kWh) as a function of simulated time in seconds: a constant or a
 * step-wise time series.
 *
 * <p>Implementations are immutable, pure and allocation-free on lookup, so one instance can serve
 * every replica and every thread.
 */
public sealed interface CarbonIntensity permits CarbonIntensity.Constant, CarbonIntensitySeries {

  /** Intensity in effect at simulated time {@code timeS} (>= 0), in gCO2/kWh. */
  double gPerKWhAt(double timeS);

  /**
   * The exact integral of intensity over [{@code fromS}, {@code toS}] in (gCO2/kWh)·s, including
   * every change of intensity inside the interval.
   *
   * @throws IllegalArgumentException if {@code toS < fromS} or {@code fromS < 0}
   */
  double integralGPerKWhS(double fromS, double toS);

  /**
   * Carbon emitted by a constant {@code powerW} over [{@code fromS}, {@code toS}], in grams: {@code
   * powerW * integral / 3.6e6}, exact when intensity changes inside the interval.
   */
  default double carbonGrams(double powerW, double fromS, double toS) {
    return powerW * integralGPerKWhS(fromS, toS) / EnergyMeter.JOULES_PER_KWH;
  }

  /**
   * Time-weighted mean intensity over [{@code fromS}, {@code toS}] (the value at fromS if empty).
   */
  default double meanGPerKWh(double fromS, double toS) {
    return toS > fromS ? integralGPerKWhS(fromS, toS) / (toS - fromS) : gPerKWhAt(fromS);
  }

  /** The same intensity at every time. */
  static CarbonIntensity constant(double gPerKWh) {
    return new Constant(gPerKWh);
  }

  /** Reads a series from a CSV (plain or gzip) in the GB file's format; see {@link CarbonCsv}. */
  static CarbonIntensitySeries read(Path csv) {
    return CarbonCsv.read(csv, CarbonCsv.Options.DEFAULT);
  }

  /** Reads a series from a CSV (plain or gzip), picking columns by header name. */
  static CarbonIntensitySeries read(Path csv, CarbonCsv.Options options) {
    return CarbonCsv.read(csv, options);
  }

  /**
   * A constant intensity.
   *
   * @param gPerKWh finite, >= 0
   */
  record Constant(double gPerKWh) implements CarbonIntensity {
    public Constant {
      if (!(gPerKWh >= 0) || !Double.isFinite(gPerKWh)) {
        throw new IllegalArgumentException("gPerKWh must be finite and >= 0, got " + gPerKWh);
      }
    }

    @Override
    public double gPerKWhAt(double timeS) {
      CarbonIntensitySeries.requireInterval(timeS, timeS);
      return gPerKWh;
    }

    @Override
    public double integralGPerKWhS(double fromS, double toS) {
      CarbonIntensitySeries.requireInterval(fromS, toS);
      return gPerKWh * (toS - fromS);
    }
  }
}
