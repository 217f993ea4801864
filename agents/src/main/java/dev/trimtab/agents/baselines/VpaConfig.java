package dev.trimtab.agents.baselines;

/**
 * The settings of one {@link VpaController}, applied to every service. Defaults ({@link
 * #defaults()}) are those of the VPA recommender and updater (flag names in brackets).
 *
 * @param recommenderIntervalMs the recommender samples usage and recommends once per this much
 *     simulated time; default 60 s ({@code --recommender-interval})
 * @param metricWindowMs each CPU sample is the mean usage over this much of the latest time, as
 *     metrics-server reports it; default 15 s ({@code --metric-resolution})
 * @param cpuPercentile target CPU is this percentile of usage; default 0.9 ({@code
 *     --target-cpu-percentile})
 * @param memoryPercentile target memory is this percentile of the peaks per aggregation interval;
 *     default 0.9 ({@code --target-memory-percentile}); over one interval it is the peak itself
 * @param safetyMarginFraction added to both targets; default 0.15 ({@code
 *     --recommendation-margin-fraction})
 * @param halfLifeMs half-life of sample weights; default 24 h ({@code
 *     --cpu-histogram-decay-half-life}, {@code --memory-histogram-decay-half-life})
 * @param memoryAggregationMs one memory peak is kept per this much time; default 24 h ({@code
 *     --memory-aggregation-interval})
 * @param minCpuCores floor of the CPU recommendation; default 0.025 ({@code
 *     --pod-recommendation-min-cpu-millicores=25})
 * @param minMemoryMiB floor of the memory recommendation; default 250 ({@code
 *     --pod-recommendation-min-memory-mb=250})
 * @param maxCpuCores ceiling (a resource policy's {@code maxAllowed}); default none (infinite)
 * @param maxMemoryMiB ceiling (a resource policy's {@code maxAllowed}); default none (infinite)
 * @param updateThreshold limits change when |Δcpu| / cpu + |Δmemory| / memory reaches this; default
 *     0.1 (the updater's {@code --pod-update-threshold})
 */
public record VpaConfig(
    double recommenderIntervalMs,
    double metricWindowMs,
    double cpuPercentile,
    double memoryPercentile,
    double safetyMarginFraction,
    double halfLifeMs,
    double memoryAggregationMs,
    double minCpuCores,
    double minMemoryMiB,
    double maxCpuCores,
    double maxMemoryMiB,
    double updateThreshold) {

  public VpaConfig {
    positiveFinite("recommenderIntervalMs", recommenderIntervalMs);
    positiveFinite("metricWindowMs", metricWindowMs);
    positiveFinite("halfLifeMs", halfLifeMs);
    positiveFinite("memoryAggregationMs", memoryAggregationMs);
    positiveFinite("minCpuCores", minCpuCores);
    positiveFinite("minMemoryMiB", minMemoryMiB);
    fraction("cpuPercentile", cpuPercentile);
    fraction("memoryPercentile", memoryPercentile);
    if (!(safetyMarginFraction >= 0) || !Double.isFinite(safetyMarginFraction)) {
      throw new IllegalArgumentException(
          "safetyMarginFraction must be finite and >= 0, got " + safetyMarginFraction);
    }
    if (!(maxCpuCores >= minCpuCores)) {
      throw new IllegalArgumentException(
          "maxCpuCores (" + maxCpuCores + ") must be at least minCpuCores (" + minCpuCores + ")");
    }
    if (!(maxMemoryMiB >= minMemoryMiB)) {
      throw new IllegalArgumentException(
          "maxMemoryMiB ("
              + maxMemoryMiB
              + ") must be at least minMemoryMiB ("
              + minMemoryMiB
              + ")");
    }
    if (!(updateThreshold >= 0) || !Double.isFinite(updateThreshold)) {
      throw new IllegalArgumentException(
          "updateThreshold must be finite and >= 0, got " + updateThreshold);
    }
  }

  private static void positiveFinite(String field, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be finite and > 0, got " + value);
    }
  }

  private static void fraction(String field, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in (0, 1], got " + value);
    }
  }

  /** The VPA's defaults, with no maximum. */
  public static VpaConfig defaults() {
    double day = 24 * 3600_000.0;
    return new VpaConfig(
        60_000,
        15_000,
        0.9,
        0.9,
        0.15,
        day,
        day,
        0.025,
        250,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        0.1);
  }

  /** These settings with another recommender interval. */
  public VpaConfig withRecommenderInterval(double ms) {
    return new VpaConfig(
        ms,
        metricWindowMs,
        cpuPercentile,
        memoryPercentile,
        safetyMarginFraction,
        halfLifeMs,
        memoryAggregationMs,
        minCpuCores,
        minMemoryMiB,
        maxCpuCores,
        maxMemoryMiB,
        updateThreshold);
  }
}
