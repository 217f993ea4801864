package dev.trimtab.env.topology;

/**
 * A service demand distribution: CPU time in core-milliseconds that one operation needs, given by
 * its mean and coefficient of variation (standard deviation over mean). {@code cv = 0} is
 * deterministic, {@code cv = 1} exponential, below 1 gamma, above 1 log-normal.
 */
public record Demand(double meanMs, double cv) {
  public Demand {
    if (!(meanMs > 0) || !Double.isFinite(meanMs)) {
      throw new IllegalArgumentException("meanMs must be a finite number > 0, got " + meanMs);
    }
    if (!(cv >= 0) || !Double.isFinite(cv)) {
      throw new IllegalArgumentException("cv must be a finite number >= 0, got " + cv);
    }
  }
}
