package dev.trimtab.env.space;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Real vectors inside per-dimension bounds {@code low[i] <= x[i] <= high[i]}: Gymnasium's {@code
 * Box} for one-dimensional shapes. A bound may be infinite (an unbounded queue length, a normalised
 * observation); it is never NaN.
 *
 * <p>{@link #sample} follows Gymnasium per dimension: uniform on {@code [low, high]} when both
 * bounds are finite, standard normal when both are infinite, {@code low + Exp(1)} when only the
 * lower bound is finite and {@code high - Exp(1)} when only the upper one is.
 */
public final class Box implements Space<double[]> {
  private final double[] low;
  private final double[] high;

  /**
   * @param low the lower bound of each dimension; not NaN, not {@code +inf}
   * @param high the upper bound of each dimension; not NaN, not {@code -inf}, at least {@code low}
   */
  public Box(double[] low, double[] high) {
    if (low == null || high == null || low.length == 0 || low.length != high.length) {
      throw new IllegalArgumentException(
          "Box low and high must be non-empty and of equal length, got "
              + (low == null ? "null" : low.length)
              + " and "
              + (high == null ? "null" : high.length));
    }
    for (int i = 0; i < low.length; i++) {
      checkBounds(i, low[i], high[i]);
    }
    this.low = low.clone();
    this.high = high.clone();
  }

  /** A box of {@code dims} dimensions that all share the bounds {@code [low, high]}. */
  public static Box of(int dims, double low, double high) {
    if (dims < 1) {
      throw new IllegalArgumentException("Box dims must be at least 1, got " + dims);
    }
    double[] lows = new double[dims];
    double[] highs = new double[dims];
    Arrays.fill(lows, low);
    Arrays.fill(highs, high);
    return new Box(lows, highs);
  }

  /** All of {@code R^dims}. */
  public static Box unbounded(int dims) {
    return of(dims, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  private static void checkBounds(int i, double lo, double hi) {
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      throw new IllegalArgumentException("Box bounds must not be NaN, dimension " + i);
    }
    if (lo == Double.POSITIVE_INFINITY || hi == Double.NEGATIVE_INFINITY || lo > hi) {
      throw new IllegalArgumentException(
          "Box needs -inf <= low <= high <= +inf with low < +inf and high > -inf, dimension "
              + i
              + " has low="
              + lo
              + " high="
              + hi);
    }
  }

  /** The number of dimensions. */
  public int dims() {
    return low.length;
  }

  /** The lower bounds (a copy). */
  public double[] low() {
    return low.clone();
  }

  /** The upper bounds (a copy). */
  public double[] high() {
    return high.clone();
  }

  /** The lower bound of dimension {@code i}. */
  public double low(int i) {
    return low[i];
  }

  /** The upper bound of dimension {@code i}. */
  public double high(int i) {
    return high[i];
  }

  @Override
  public double[] sample(RandomGenerator random) {
    double[] value = new double[low.length];
    for (int i = 0; i < low.length; i++) {
      value[i] = sampleDimension(random, low[i], high[i]);
    }
    return value;
  }

  private static double sampleDimension(RandomGenerator random, double lo, double hi) {
    boolean lowFinite = lo != Double.NEGATIVE_INFINITY;
    boolean highFinite = hi != Double.POSITIVE_INFINITY;
    if (lowFinite && highFinite) {
      double u = random.nextDouble();
      return Math.min(hi, Math.max(lo, lo * (1 - u) + hi * u));
    }
    if (lowFinite) {
      return lo + random.nextExponential();
    }
    if (highFinite) {
      return hi - random.nextExponential();
    }
    return random.nextGaussian();
  }

  @Override
  public boolean contains(Object value) {
    if (!(value instanceof double[] x) || x.length != low.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= low[i] && x[i] <= high[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equalValues(double[] first, double[] second) {
    return Arrays.equals(first, second);
  }

  @Override
  public String format(double[] value) {
    return Arrays.toString(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
  }

  @Override
  public String toString() {
    return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
  }
}
