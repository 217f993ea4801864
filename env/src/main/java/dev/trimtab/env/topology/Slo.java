package dev.trimtab.env.topology;

/**
 * A latency service-level objective: the given percentile of end-to-end latency stays below a
 * bound.
 */
public record Slo(double percentile, double latencyMs) {
  public Slo {
    if (!(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100), got " + percentile);
    }
    if (!(latencyMs > 0) || !Double.isFinite(latencyMs)) {
      throw new IllegalArgumentException("latencyMs must be a finite number > 0, got " + latencyMs);
    }
  }
}
