package dev.trimtab.cli.budget;

import java.util.Locale;

/**
 * Large counts and byte sizes written for people: {@code 31622400}, {@code 1.2e15}, {@code 3.5
 * GiB}.
 */
final class Amounts {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Amounts() {}

  /**
   * Whole numbers below 10^12 and other numbers below 10^9 in full (rounded from 100 up, three
   * significant digits below); larger ones as {@code 1.2e15}.
   */
  static String count(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    if (Math.abs(x) < 1e12 && x == Math.rint(x) || Math.abs(x) < 1e9 && Math.abs(x) >= 100) {
      return Long.toString(Math.round(x));
    }
    if (Math.abs(x) < 100) {
      return String.format(Locale.ROOT, "%.3g", x).replaceAll("\\.?0+$", "");
    }
    return scientific(x);
  }

  /** An estimate: below 10^9 as {@link #count} writes it, else as {@code 1.6e10}. */
  static String about(double x) {
    return Math.abs(x) < 1e9 ? count(Math.abs(x) >= 100 ? Math.rint(x) : x) : scientific(x);
  }

  private static String scientific(double x) {
    String s = String.format(Locale.ROOT, "%.1e", x);
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e).replace(".0", "");
    int exponent = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + exponent;
  }

  /** Bytes in binary units with one decimal below 10: {@code 512 B}, {@code 3.5 GiB}. */
  static String bytes(double b) {
    if (!Double.isFinite(b)) {
      return "unbounded";
    }
    int u = 0;
    double v = b;
    while (v >= 1024 && u < UNITS.length - 1) {
      v /= 1024;
      u++;
    }
    if (u == UNITS.length - 1 && v >= 1024) {
      return count(b) + " B";
    }
    return (v < 10 && u > 0 ? String.format(Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v)))
        + " "
        + UNITS[u];
  }
}
