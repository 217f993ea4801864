package dev.trimtab.env.power;

import java.time.Instant;
import java.util.Arrays;

/**
 * A step-wise carbon intensity series: sample {@code k} holds from its time until the next sample's
 * time; the last sample holds for ever after. Simulated time {@code t} maps to series time {@code t
 * + offsetS}, measured from the first sample, so an episode can start anywhere in a year of data.
 *
 * <p>Lookups are binary searches (O(log n), no allocation); integrals use a precomputed running
 * integral, so {@link #integralGPerKWhS} is exact and O(log n) for any interval.
 */
public final class CarbonIntensitySeries implements CarbonIntensity {
  private final long firstEpochS;
  private final double[] timesS;
  private final double[] gPerKWh;
  private final double[] cumulative;
  private final double offsetS;

  private CarbonIntensitySeries(
      long firstEpochS, double[] timesS, double[] gPerKWh, double[] cumulative, double offsetS) {
    this.firstEpochS = firstEpochS;
    this.timesS = timesS;
    this.gPerKWh = gPerKWh;
    this.cumulative = cumulative;
    this.offsetS = offsetS;
  }

  /**
   * A series from sample times (seconds, strictly increasing, any origin) and values (gCO2/kWh,
   * finite, >= 0); offsets count from {@code timesS[0]}.
   */
  public static CarbonIntensitySeries of(double[] timesS, double[] gPerKWh) {
    return of(0, timesS, gPerKWh);
  }

  static CarbonIntensitySeries of(long firstEpochS, double[] timesS, double[] gPerKWh) {
    if (timesS.length == 0 || timesS.length != gPerKWh.length) {
      throw new IllegalArgumentException(
          "need as many times as values, at least one; got "
              + timesS.length
              + " and "
              + gPerKWh.length);
    }
    double[] t = new double[timesS.length];
    double[] cum = new double[timesS.length];
    for (int k = 0; k < t.length; k++) {
      t[k] = timesS[k] - timesS[0];
      if (k > 0 && !(t[k] > t[k - 1])) {
        throw new IllegalArgumentException(
            "times must strictly increase; sample " + k + " does not");
      }
      if (!(gPerKWh[k] >= 0) || !Double.isFinite(gPerKWh[k])) {
        throw new IllegalArgumentException("sample " + k + ": gPerKWh must be finite and >= 0");
      }
      cum[k] = k == 0 ? 0 : cum[k - 1] + gPerKWh[k - 1] * (t[k] - t[k - 1]);
    }
    return new CarbonIntensitySeries(firstEpochS, t, gPerKWh.clone(), cum, 0);
  }

  /** The same data, with simulated time 0 at {@code offsetS} seconds after the first sample. */
  public CarbonIntensitySeries withOffset(double offsetS) {
    if (!(offsetS >= 0) || !Double.isFinite(offsetS)) {
      throw new IllegalArgumentException("offsetS must be finite and >= 0, got " + offsetS);
    }
    return new CarbonIntensitySeries(firstEpochS, timesS, gPerKWh, cumulative, offsetS);
  }

  /**
   * The same data with simulated time 0 at Unix time {@code epochS}, which must lie within the
   * series: from its first sample to its last (after which the last value holds). Places a run in
   * any season of a year of data.
   *
   * @throws IllegalArgumentException naming the series' first and last sample times
   */
  public CarbonIntensitySeries startingAt(long epochS) {
    long lastEpochS = lastEpochS();
    if (epochS < firstEpochS || epochS > lastEpochS) {
      throw new IllegalArgumentException(
          Instant.ofEpochSecond(epochS)
              + " is outside the series, which runs from "
              + Instant.ofEpochSecond(firstEpochS)
              + " to "
              + Instant.ofEpochSecond(lastEpochS));
    }
    return withOffset(epochS - firstEpochS);
  }

  /** The last sample's time as Unix epoch seconds. */
  public long lastEpochS() {
    return firstEpochS + (long) Math.floor(spanS());
  }

  @Override
  public double gPerKWhAt(double timeS) {
    requireInterval(timeS, timeS);
    return gPerKWh[indexAt(timeS + offsetS)];
  }

  @Override
  public double integralGPerKWhS(double fromS, double toS) {
    requireInterval(fromS, toS);
    return running(toS + offsetS) - running(fromS + offsetS);
  }

  private double running(double seriesS) {
    int k = indexAt(seriesS);
    return cumulative[k] + gPerKWh[k] * (seriesS - timesS[k]);
  }

  private int indexAt(double seriesS) {
    int k = Arrays.binarySearch(timesS, seriesS);
    return k >= 0 ? k : Math.max(0, -k - 2);
  }

  static void requireInterval(double fromS, double toS) {
    if (!(fromS >= 0) || !(toS >= fromS) || toS == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "need finite 0 <= fromS <= toS, got fromS=" + fromS + ", toS=" + toS);
    }
  }

  /** Number of samples. */
  public int size() {
    return timesS.length;
  }

  /** Time of sample {@code k} in seconds after the first sample. */
  public double sampleTimeS(int k) {
    return timesS[k];
  }

  /** Value of sample {@code k} in gCO2/kWh. */
  public double sampleGPerKWh(int k) {
    return gPerKWh[k];
  }

  /** Seconds from the first to the last sample. */
  public double spanS() {
    return timesS[timesS.length - 1];
  }

  /** The first sample's time as Unix epoch seconds (0 when built from relative times). */
  public long firstEpochS() {
    return firstEpochS;
  }

  /** Simulated time 0's position in the series, in seconds after the first sample. */
  public double offsetS() {
    return offsetS;
  }
}
