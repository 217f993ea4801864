package dev.trimtab.env.power;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Latency and power of one GPU workload as a function of SM frequency (dynamic voltage and
 * frequency scaling).
 *
 * <p>Latency: {@code t(f) = t0 * (alpha * fmax / f + 1 - alpha)}, where {@code t0} is the latency
 * at {@code fmax} and {@code alpha} (the compute-bound fraction) is the share of that time that
 * scales with the clock; the rest (memory, transfers) does not. Power: {@code P(f) = P0 + a *
 * f^gamma}, stored here as {@code P(f) = staticPowerW + dynamicPowerAtMaxW * (f / fmax)^gamma} so
 * that both coefficients are in watts ({@code a = dynamicPowerAtMaxW / fmax^gamma}, see {@link
 * #powerCoefficient()}). The power is the board's average power while the workload runs.
 *
 * <p>Parameters fitted to 33 measured V100 workloads are bundled; get one with {@link
 * #profile(String)}. Frequencies outside the measured 757–1530 MHz are extrapolation.
 *
 * @param name workload or profile name
 * @param maxFreqMHz the reference (highest) SM frequency {@code fmax}, at which latency is {@code
 *     t0}
 * @param computeBoundFraction {@code alpha} in [0, 1]
 * @param staticPowerW {@code P0}, the frequency-independent part of the running power, >= 0
 * @param dynamicPowerAtMaxW the frequency-dependent part at {@code fmax}, >= 0
 * @param powerExponent {@code gamma} in [1, 4]
 */
public record GpuDvfsModel(
    String name,
    double maxFreqMHz,
    double computeBoundFraction,
    double staticPowerW,
    double dynamicPowerAtMaxW,
    double powerExponent) {

  /** Lowest allowed {@link #powerExponent()}. */
  public static final double MIN_POWER_EXPONENT = 1.0;

  /** Highest allowed {@link #powerExponent()}. */
  public static final double MAX_POWER_EXPONENT = 4.0;

  private static final double[] V100_LEVELS_MHZ = {
    757, 825, 885, 952, 1012, 1080, 1140, 1207, 1275, 1335, 1402, 1462, 1530
  };

  public GpuDvfsModel {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    requireFinite(maxFreqMHz > 0, "maxFreqMHz", maxFreqMHz, "> 0");
    requireFinite(
        computeBoundFraction >= 0 && computeBoundFraction <= 1,
        "computeBoundFraction",
        computeBoundFraction,
        "in [0, 1]");
    requireFinite(staticPowerW >= 0, "staticPowerW", staticPowerW, ">= 0");
    requireFinite(dynamicPowerAtMaxW >= 0, "dynamicPowerAtMaxW", dynamicPowerAtMaxW, ">= 0");
    requireFinite(
        powerExponent >= MIN_POWER_EXPONENT && powerExponent <= MAX_POWER_EXPONENT,
        "powerExponent",
        powerExponent,
        "in [1, 4]");
  }

  private static void requireFinite(boolean ok, String field, double value, String allowed) {
    if (!ok || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be " + allowed + ", got " + value);
    }
  }

  /** {@code t(f) / t0}: 1 at {@code fmax}, above 1 below it. */
  public double latencyScale(double freqMHz) {
    requirePositive(freqMHz);
    return computeBoundFraction * maxFreqMHz / freqMHz + 1 - computeBoundFraction;
  }

  /**
   * Latency at {@code freqMHz} of an operation that takes {@code latencyAtMaxMs} at {@code fmax}.
   */
  public double latencyMs(double latencyAtMaxMs, double freqMHz) {
    return latencyAtMaxMs * latencyScale(freqMHz);
  }

  /** Throughput at {@code freqMHz} relative to {@code fmax} ({@code 1 / latencyScale}). */
  public double relativePerformance(double freqMHz) {
    return 1 / latencyScale(freqMHz);
  }

  /** Average board power while the workload runs at {@code freqMHz}. */
  public double powerW(double freqMHz) {
    requirePositive(freqMHz);
    return staticPowerW + dynamicPowerAtMaxW * Math.pow(freqMHz / maxFreqMHz, powerExponent);
  }

  /** Energy of one operation that takes {@code latencyAtMaxMs} at {@code fmax}, run at freqMHz. */
  public double energyJ(double latencyAtMaxMs, double freqMHz) {
    return powerW(freqMHz) * latencyMs(latencyAtMaxMs, freqMHz) / 1000.0;
  }

  /** {@code a} of {@code P(f) = P0 + a * f^gamma} with f in MHz, in W / MHz^gamma. */
  public double powerCoefficient() {
    return dynamicPowerAtMaxW / Math.pow(maxFreqMHz, powerExponent);
  }

  private static void requirePositive(double freqMHz) {
    if (!(freqMHz > 0) || freqMHz == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("freqMHz must be finite and > 0, got " + freqMHz);
    }
  }

  /** Number of measured V100 SM frequency levels (13). */
  public static int levelCount() {
    return V100_LEVELS_MHZ.length;
  }

  /** The {@code i}-th measured V100 SM frequency level in MHz, ascending: 757 at 0, 1530 last. */
  public static double level(int i) {
    if (i < 0 || i >= V100_LEVELS_MHZ.length) {
      throw new IndexOutOfBoundsException(
          "level " + i + " out of range [0, " + (V100_LEVELS_MHZ.length - 1) + "]");
    }
    return V100_LEVELS_MHZ[i];
  }

  /**
   * A bundled profile: one of the 33 V100 workloads by its dataset name (e.g. {@code ResN50}) or an
   * alias ({@code dnn-inference}, {@code compute-bound}, {@code memory-bound}).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static GpuDvfsModel profile(String name) {
    return GpuProfiles.bundled().get(name);
  }

  /** Names {@link #profile(String)} accepts: aliases first, then workloads in dataset order. */
  public static Set<String> profileNames() {
    return GpuProfiles.bundled().names();
  }

  /**
   * Fits one model per workload to the dataset's power and performance CSVs (the format of
   * zyjopensource/GPU-DVFS-Dataset); {@code fmax} is the highest frequency in the files.
   *
   * @throws dev.trimtab.env.config.ConfigException when a file is missing or malformed
   */
  public static List<GpuDvfsFit> fit(Path powerCsv, Path performanceCsv) {
    return GpuDvfsFitter.fit(GpuDvfsData.read(powerCsv, performanceCsv));
  }
}
