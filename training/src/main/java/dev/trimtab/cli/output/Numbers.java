package dev.trimtab.cli.output;

import java.math.BigDecimal;
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

  /**
   * The shortest plain decimal that reads back as {@code value}: {@code 600}, {@code 0.5}, {@code
   * 99.9}; for settings such as durations and rates, which users type as short decimals.
   */
  public static String compact(double value) {
    if (!Double.isFinite(value)) {
      return fixed(value, 0);
    }
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
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
