package dev.trimtab.agents.baselines;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import java.util.List;

/** Hand-built interval metrics: only the fields the baselines read carry meaning. */
final class Metrics {
  private Metrics() {}

  /** A service with {@code ready} ready replicas at the given utilisations. */
  static ServiceMetrics service(
      String name,
      int ready,
      double cpuLimitCores,
      double cpuUtilisation,
      double memoryLimitMiB,
      double memoryUtilisation) {
    return new ServiceMetrics(
        name,
        ready,
        ready,
        cpuLimitCores,
        memoryLimitMiB,
        0,
        0,
        0,
        0,
        0,
        cpuUtilisation,
        memoryUtilisation,
        0,
        0,
        0,
        0,
        0);
  }

  /** A service for HPA tests: only ready replicas and CPU utilisation matter. */
  static ServiceMetrics cpu(String name, int ready, double cpuUtilisation) {
    return service(name, ready, 1, cpuUtilisation, 512, 0.5);
  }

  static EndpointMetrics endpoint(String name, boolean violated) {
    return new EndpointMetrics(name, 10, 10, 0, 1, 1, violated ? 100 : 1, violated);
  }

  static IntervalMetrics interval(
      double startMs,
      double endMs,
      List<ServiceMetrics> services,
      List<EndpointMetrics> endpoints) {
    return new IntervalMetrics(
        startMs, endMs, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, services, endpoints);
  }

  static IntervalMetrics interval(double startMs, double endMs, ServiceMetrics... services) {
    return interval(startMs, endMs, List.of(services), List.of());
  }
}
