package dev.trimtab.rca.telemetry;

/**
 * What a service's metrics and logs said over one period: means of the {@link Signal}s (NaN when
 * not measured) and its log counts.
 */
public record ServiceSignals(
    double cpu,
    double memory,
    double successRate,
    double serverLatencyS,
    double clientLatencyS,
    double workloadPerS,
    LogCounts logs) {
  /** Nothing measured. */
  public static final ServiceSignals ABSENT =
      new ServiceSignals(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, LogCounts.NONE);

  public double get(Signal s) {
    return switch (s) {
      case CPU -> cpu;
      case MEMORY -> memory;
      case SUCCESS_RATE -> successRate;
      case SERVER_LATENCY -> serverLatencyS;
      case CLIENT_LATENCY -> clientLatencyS;
      case WORKLOAD -> workloadPerS;
    };
  }
}
