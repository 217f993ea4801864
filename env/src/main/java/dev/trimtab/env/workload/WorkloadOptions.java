package dev.trimtab.env.workload;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options every workload kind shares: how its pattern is scaled, shifted, compressed and cut.
 *
 * <p>A kind describes arrivals in <em>pattern time</em> (seconds of the trace, or of the synthetic
 * shape). Simulated time {@code t} (seconds since the stream opened) maps to pattern time {@code
 * startOffsetS + t * timeCompression}; the stream ends at {@code t = durationS}. Compressing time
 * keeps every arrival, so simulated rates are {@code timeCompression} times the pattern's.
 *
 * @param rateScale multiplies the pattern's rate (> 0); see each kind for how
 * @param targetMeanRatePerS the simulated mean rate the scale was computed for, or NaN when {@code
 *     rateScale} was given directly; informational, used by {@link Workload#describe}
 * @param startOffsetS pattern seconds skipped at the start (>= 0)
 * @param timeCompression pattern seconds per simulated second (> 0); 24 replays a day in an hour
 * @param durationS simulated seconds after which the stream ends, or +Infinity for none
 * @param mix endpoint name to relative weight (> 0), in file order; empty for the topology's
 */
public record WorkloadOptions(
    double rateScale,
    double targetMeanRatePerS,
    double startOffsetS,
    double timeCompression,
    double durationS,
    Map<String, Double> mix) {

  /** Scale 1, no offset, no compression, no end, the topology's mix. */
  public static final WorkloadOptions DEFAULTS =
      new WorkloadOptions(1, Double.NaN, 0, 1, Double.POSITIVE_INFINITY, Map.of());

  public WorkloadOptions {
    require(rateScale > 0 && Double.isFinite(rateScale), "rateScale must be finite and > 0");
    require(startOffsetS >= 0 && Double.isFinite(startOffsetS), "startOffsetS must be >= 0");
    require(timeCompression > 0 && Double.isFinite(timeCompression), "timeCompression must be > 0");
    require(durationS > 0, "durationS must be > 0 (or +Infinity)");
    require(
        Double.isNaN(targetMeanRatePerS) || targetMeanRatePerS > 0,
        "targetMeanRatePerS must be > 0 or NaN");
    for (Map.Entry<String, Double> e : mix.entrySet()) {
      double w = e.getValue();
      require(w > 0 && Double.isFinite(w), "mix weight of " + e.getKey() + " must be > 0");
    }
    mix = Collections.unmodifiableMap(new LinkedHashMap<>(mix));
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** These options with another rate scale, remembering the target it was computed for. */
  public WorkloadOptions withScale(double scale, double targetRatePerS) {
    return new WorkloadOptions(
        scale, targetRatePerS, startOffsetS, timeCompression, durationS, mix);
  }

  /** Pattern time at which a stream stops (+Infinity without a duration). */
  public double endPatternS() {
    return startOffsetS + durationS * timeCompression;
  }

  /** Short human suffix: the non-default options, e.g. {@code " x2.5, 600 s"}. */
  String describeSuffix() {
    StringBuilder sb = new StringBuilder();
    if (!Double.isNaN(targetMeanRatePerS)) {
      sb.append(" scaled x").append(num(rateScale));
      sb.append(" to ").append(num(targetMeanRatePerS)).append(" req/s");
    } else if (rateScale != 1) {
      sb.append(" x").append(num(rateScale));
    }
    if (startOffsetS != 0) {
      sb.append(", from ").append(num(startOffsetS)).append(" s");
    }
    if (timeCompression != 1) {
      sb.append(", time compressed ").append(num(timeCompression)).append("x");
    }
    if (Double.isFinite(durationS)) {
      sb.append(", for ").append(num(durationS)).append(" s");
    }
    return sb.toString();
  }

  /** A number with up to six significant digits and no trailing zeros: 500, 528.195, 0.25. */
  static String num(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
