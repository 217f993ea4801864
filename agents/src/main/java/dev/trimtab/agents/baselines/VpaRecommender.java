package dev.trimtab.agents.baselines;

/**
 * One service's VPA recommender state: a decaying histogram of per-replica CPU usage and one of
 * memory peaks (one peak per aggregation interval, the running peak for the current one), and the
 * target they give: percentile × (1 + safety margin), bounded by the minimum and maximum allowed.
 *
 * <p>CPU is truncated to whole millicores before and after the margin, as the VPA's integer
 * resource amounts do; memory is left in fractional MiB (the VPA keeps whole bytes).
 */
final class VpaRecommender {
  /** A per-replica allocation. */
  record Recommendation(double cpuCores, double memoryMiB) {}

  /** CPU samples weigh at least this many cores, as in the VPA ({@code minSampleWeight}). */
  private static final double MIN_SAMPLE_WEIGHT = 0.1;

  private final VpaConfig config;
  private final DecayingHistogram cpu;
  private final DecayingHistogram memory;
  private long memoryWindow = Long.MIN_VALUE;
  private double memoryPeakMiB;
  private double memoryWindowStartMs;

  VpaRecommender(VpaConfig config) {
    this.config = config;
    this.cpu = DecayingHistogram.cpuCores(config.halfLifeMs());
    this.memory = DecayingHistogram.memoryMiB(config.halfLifeMs());
  }

  /**
   * Adds what {@code replicas} replicas used: {@code cpuCores} each, weighted by their CPU
   * allocation as the VPA weighs by request (request = limit here).
   */
  void addCpu(double cpuCores, double limitCores, int replicas, double atMs) {
    cpu.add(cpuCores, Math.max(limitCores, MIN_SAMPLE_WEIGHT) * replicas, atMs);
  }

  /** Raises the current aggregation interval's memory peak to {@code workingSetMiB} if higher. */
  void addMemory(double workingSetMiB, double atMs) {
    long window = (long) Math.floor(atMs / config.memoryAggregationMs());
    if (window != memoryWindow) {
      memoryWindow = window;
      memoryWindowStartMs = window * config.memoryAggregationMs();
      memoryPeakMiB = workingSetMiB;
      memory.add(workingSetMiB, 1, memoryWindowStartMs);
    } else if (workingSetMiB > memoryPeakMiB) {
      memory.subtract(memoryPeakMiB, 1, memoryWindowStartMs);
      memory.add(workingSetMiB, 1, memoryWindowStartMs);
      memoryPeakMiB = workingSetMiB;
    }
  }

  Recommendation target() {
    double margin = 1 + config.safetyMarginFraction();
    double cpuCores =
        Millicores.floor(Millicores.floor(cpu.percentile(config.cpuPercentile())) * margin);
    double memoryMiB = memory.percentile(config.memoryPercentile()) * margin;
    return new Recommendation(
        clamp(cpuCores, config.minCpuCores(), config.maxCpuCores()),
        clamp(memoryMiB, config.minMemoryMiB(), config.maxMemoryMiB()));
  }

  private static double clamp(double value, double min, double max) {
    return Math.min(max, Math.max(min, value));
  }
}
