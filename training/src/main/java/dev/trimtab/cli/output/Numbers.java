package dev.trimtab.cli.output;

import java.util.Locale;

/**
 * Number formatting for run files: fixed decimals in {@link Locale#ROOT}, so that the same values
 * give the same bytes on every machine. Infinities are written {@code inf} and {@code -inf}, NaN
 * {@code nan}; negative zero is written as zero.
 */
public final class Numbers {
  private Numbers() {}

  /** {@code value} with exactly {@code decimals} digits after the point. */
  public static String fixed(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    return isNegativeZero(text) ? text.substring(1) : text;
  }

  /** Whole numbers without a decimal point ({@code 600}), others as {@link #fixed} with 3. */
  public static String compact(double value) {
    if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return fixed(value, 3);
  }

  private static boolean isNegativeZero(String text) {
    if (!text.startsWith("-")) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '0' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
