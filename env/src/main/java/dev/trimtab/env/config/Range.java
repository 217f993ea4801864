package dev.trimtab.env.config;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The values a numeric field allows: a finite interval, open or closed at each end, of numbers or
 * of integers, with a noun that says what the number is ({@code "a number of cores"}). Every
 * numeric field of every user format has one, so that absurd values are refused at load time with
 * the field, the value and this range: {@code expected a number of cores in (0, 1024]; got the
 * number 5000}.
 *
 * @param min the lower end
 * @param minIncluded whether {@code min} itself is allowed
 * @param max the upper end (finite: every field has a documented maximum)
 * @param maxIncluded whether {@code max} itself is allowed
 * @param integer whether only whole numbers are allowed
 * @param noun what the number is, with its unit, e.g. {@code "a number of req/s"}
 */
public record Range(
    double min,
    boolean minIncluded,
    double max,
    boolean maxIncluded,
    boolean integer,
    String noun) {

  public Range {
    if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max) || noun == null) {
      throw new IllegalArgumentException("a range needs finite min <= max and a noun");
    }
  }

  /** Numbers in {@code [min, max]}. */
  public static Range closed(double min, double max, String noun) {
    return new Range(min, true, max, true, false, noun);
  }

  /** Numbers in {@code (min, max]}: above {@code min}, e.g. {@code above(0, 1024, ...)}. */
  public static Range above(double min, double max, String noun) {
    return new Range(min, false, max, true, false, noun);
  }

  /** Numbers in {@code (min, max)}, both ends excluded (e.g. a percentile). */
  public static Range open(double min, double max, String noun) {
    return new Range(min, false, max, false, false, noun);
  }

  /** Whole numbers from {@code min} to {@code max}, both included. */
  public static Range integers(long min, long max, String noun) {
    return new Range(min, true, max, true, true, noun);
  }

  /** This range with its upper end lowered to {@code newMax} (included), e.g. at most durationS. */
  public Range atMost(double newMax) {
    return newMax >= max ? this : new Range(min, minIncluded, newMax, true, integer, noun);
  }

  /** Whether {@code x} is finite, inside the range and, for integer ranges, whole. */
  public boolean contains(double x) {
    return Double.isFinite(x)
        && (minIncluded ? x >= min : x > min)
        && (maxIncluded ? x <= max : x < max)
        && (!integer || x == Math.rint(x));
  }

  /** What is allowed, for messages and docs: {@code a number of cores in (0, 1024]}. */
  public String describe() {
    return noun
        + " in "
        + (minIncluded ? "[" : "(")
        + format(min)
        + ", "
        + format(max)
        + (maxIncluded ? "]" : ")");
  }

  @Override
  public String toString() {
    return describe();
  }

  /**
   * A number as a person would write it: whole numbers without a decimal point (1000000, not
   * 1.0E6), others with up to 9 significant digits, without exponent between 1e-6 and 1e15.
   */
  public static String format(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    double abs = Math.abs(x);
    if (abs >= 1e-6 && abs < 1e15) {
      return new BigDecimal(x).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }
    return Double.toString(x);
  }
}
