package dev.trimtab.agents.baselines;

/**
 * The VPA recommender's usage histogram: exponentially growing buckets (each {@code ratio} times
 * wider than the one before, the first {@code firstBucketSize} wide) whose sample weights decay
 * with a half-life, so that recent usage counts more. Percentiles are read as the <em>end</em> of
 * the bucket that reaches them, as the VPA does, which errs on the side of more resources.
 *
 * <p>Weights are stored relative to a reference time and scaled by {@code 2^((t − ref) / halfLife)}
 * when added; when that exponent would pass 100 the reference moves forward and the stored weights
 * shrink to match, which keeps them finite over any run length.
 */
final class DecayingHistogram {
  private static final double MAX_DECAY_EXPONENT = 100;
  private static final double EPSILON = 1e-4;

  private final double firstBucketSize;
  private final double ratio;
  private final double halfLifeMs;
  private final double[] weights;
  private double totalWeight;
  private double referenceMs;

  DecayingHistogram(double maxValue, double firstBucketSize, double ratio, double halfLifeMs) {
    this.firstBucketSize = firstBucketSize;
    this.ratio = ratio;
    this.halfLifeMs = halfLifeMs;
    int buckets =
        (int) Math.ceil(Math.log(maxValue * (ratio - 1) / firstBucketSize + 1) / Math.log(ratio))
            + 1;
    this.weights = new double[buckets];
  }

  /** VPA's CPU histogram: 10 mCPU first bucket, 5% growth, up to 1000 cores. */
  static DecayingHistogram cpuCores(double halfLifeMs) {
    return new DecayingHistogram(1000, 0.01, 1.05, halfLifeMs);
  }

  /** VPA's memory histogram: 10^7 bytes first bucket, 5% growth, up to 10^12 bytes; in MiB. */
  static DecayingHistogram memoryMiB(double halfLifeMs) {
    double mib = 1024.0 * 1024.0;
    return new DecayingHistogram(1e12 / mib, 1e7 / mib, 1.05, halfLifeMs);
  }

  /** Where bucket {@code b} starts: {@code first × (ratio^b − 1) / (ratio − 1)}. */
  double bucketStart(int b) {
    if (b == 0) {
      return 0;
    }
    return firstBucketSize * (Math.pow(ratio, b) - 1) / (ratio - 1);
  }

  int bucketOf(double value) {
    if (value < firstBucketSize) {
      return 0;
    }
    int b = (int) Math.floor(Math.log(value * (ratio - 1) / firstBucketSize + 1) / Math.log(ratio));
    if (b >= weights.length) {
      return weights.length - 1;
    }
    if (b + 1 < weights.length && value >= bucketStart(b + 1)) {
      b++;
    } else if (value < bucketStart(b)) {
      b--;
    }
    return b;
  }

  void add(double value, double weight, double atMs) {
    double w = weight * decayFactor(atMs);
    weights[bucketOf(value)] += w;
    totalWeight += w;
  }

  /** Removes a sample added earlier with the same value, weight and time. */
  void subtract(double value, double weight, double atMs) {
    int b = bucketOf(value);
    double w = weight * decayFactor(atMs);
    weights[b] = Math.max(0, weights[b] - w);
    totalWeight = Math.max(0, totalWeight - w);
    if (weights[b] < EPSILON) {
      weights[b] = 0;
    }
  }

  boolean isEmpty() {
    return totalWeight < EPSILON;
  }

  /**
   * The end of the first bucket at which the cumulative weight reaches {@code fraction} of the
   * total (the start of the last bucket, which has no end); 0 when empty.
   */
  double percentile(double fraction) {
    if (isEmpty()) {
      return 0;
    }
    double threshold = fraction * totalWeight;
    double partial = 0;
    int b = 0;
    for (; b < weights.length - 1; b++) {
      partial += weights[b];
      if (partial >= threshold && weights[b] > 0) {
        break;
      }
    }
    return b < weights.length - 1 ? bucketStart(b + 1) : bucketStart(b);
  }

  private double decayFactor(double atMs) {
    if (atMs - referenceMs > halfLifeMs * MAX_DECAY_EXPONENT) {
      double shrink = Math.pow(2, -(atMs - referenceMs) / halfLifeMs);
      for (int b = 0; b < weights.length; b++) {
        weights[b] *= shrink;
      }
      totalWeight *= shrink;
      referenceMs = atMs;
    }
    return Math.pow(2, (atMs - referenceMs) / halfLifeMs);
  }
}
