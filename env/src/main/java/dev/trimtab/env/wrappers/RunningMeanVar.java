package dev.trimtab.env.wrappers;

import java.util.Arrays;

/**
 * Per-dimension running mean and population variance of a stream of vectors, by Welford's update,
 * which stays accurate where the naive sum of squares cancels catastrophically.
 *
 * <p>Mutable; {@link #copy()} takes a snapshot, for example to carry training statistics into an
 * evaluation env.
 */
public final class RunningMeanVar {
  private final double[] mean;
  private final double[] m2;
  private long count;

  /** Empty statistics over vectors of {@code dims} dimensions. */
  public RunningMeanVar(int dims) {
    if (dims < 1) {
      throw new IllegalArgumentException("RunningMeanVar dims must be at least 1, got " + dims);
    }
    this.mean = new double[dims];
    this.m2 = new double[dims];
  }

  private RunningMeanVar(double[] mean, double[] m2, long count) {
    this.mean = mean.clone();
    this.m2 = m2.clone();
    this.count = count;
  }

  /** Adds one vector. */
  public void update(double[] x) {
    if (x.length != mean.length) {
      throw new IllegalArgumentException(
          "RunningMeanVar expects " + mean.length + " dimensions, got " + x.length);
    }
    count++;
    for (int i = 0; i < x.length; i++) {
      double delta = x[i] - mean[i];
      mean[i] += delta / count;
      m2[i] += delta * (x[i] - mean[i]);
    }
  }

  /** How many vectors were added. */
  public long count() {
    return count;
  }

  /** The number of dimensions. */
  public int dims() {
    return mean.length;
  }

  /** The mean of each dimension (a copy); zeros before the first update. */
  public double[] mean() {
    return mean.clone();
  }

  /** The population variance (divided by n) of each dimension; zeros before two updates. */
  public double[] variance() {
    double[] variance = new double[m2.length];
    if (count > 0) {
      for (int i = 0; i < m2.length; i++) {
        variance[i] = m2[i] / count;
      }
    }
    return variance;
  }

  /** {@code (x - mean) / sqrt(variance + epsilon)} per dimension, into a new array. */
  public double[] normalize(double[] x, double epsilon) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double variance = count > 0 ? m2[i] / count : 0;
      out[i] = (x[i] - mean[i]) / Math.sqrt(variance + epsilon);
    }
    return out;
  }

  /** An independent copy of these statistics. */
  public RunningMeanVar copy() {
    return new RunningMeanVar(mean, m2, count);
  }

  @Override
  public String toString() {
    return "RunningMeanVar(count="
        + count
        + ", mean="
        + Arrays.toString(mean)
        + ", variance="
        + Arrays.toString(variance())
        + ")";
  }
}
