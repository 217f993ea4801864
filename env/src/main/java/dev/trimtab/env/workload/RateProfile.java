package dev.trimtab.env.workload;

/**
 * A deterministic rate over pattern time, cut into segments on which it is bounded (and monotone or
 * constant), so that thinning per segment stays efficient.
 */
interface RateProfile {

  /** Rate at pattern time {@code s}, requests per pattern second (>= 0). */
  double rateAt(double s);

  /** End of the segment holding {@code s} (> s), or +Infinity. */
  double segmentEndS(double s);

  /** True when the rate is constant on the segment holding {@code s}. */
  boolean constantAt(double s);

  /** An upper bound of the rate on [s, end). */
  default double boundOn(double s, double end) {
    return constantAt(s) ? rateAt(s) : Math.max(rateAt(s), rateAt(Math.nextDown(end)));
  }
}
