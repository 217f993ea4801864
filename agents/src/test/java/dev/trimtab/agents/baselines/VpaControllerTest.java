package dev.trimtab.agents.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trimtab.env.sim.ServiceMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The VPA against a sequence worked by hand. Bucket ends (see {@link DecayingHistogramTest}): CPU
 * 0.2 cores → 0.2157856; 0.247 cores → bucket 16 (1.05^16.48 = 1 + 0.247 / 0.2), ending at 0.2 ×
 * (1.05^17 − 1) = 0.2584037; 0.005 cores → bucket 0, ending at 0.01. CPU targets are truncated to
 * millicores before and after the 15% margin: 0.2157856 → 215 m → 247.25 → 247 m. Memory 256 MiB →
 * 268.2913; 100 MiB → bucket 8, ending at 190.7349 × (1.05^9 − 1) = 105.1575. Over three minutes
 * the 24 h half-life changes weights by under 0.2%, which moves no percentile here.
 */
class VpaControllerTest {
  private static final double DB_CPU = 0.247; // floor(215 m × 1.15)
  private static final double DB_MEMORY = 268.2913 * 1.15; // 308.5350

  private final FakeCluster cluster =
      new FakeCluster().add("db", 1, 1.0, 1024).add("cache", 1, 0.23, 308).add("idle", 1, 0.5, 512);

  /** One 30 s interval in which each service used these cores and MiB per replica. */
  private void step(VpaController vpa, double endS, double dbCores, double cacheCores) {
    vpa.act(
        Metrics.interval(
            (endS - 30) * 1000,
            endS * 1000,
            usage("db", dbCores, 256),
            usage("cache", cacheCores, 256),
            usage("idle", 0.005, 100)),
        cluster);
  }

  /**
   * Metrics for one ready replica using {@code cores} and {@code workingSetMiB} under its limits.
   */
  private ServiceMetrics usage(String service, double cores, double workingSetMiB) {
    double cpu = cluster.cpuLimitCores(service);
    double memory = cluster.memoryLimitMiB(service);
    return Metrics.service(service, 1, cpu, cores / cpu, memory, workingSetMiB / memory);
  }

  @Test
  void recommendsThePercentilePlusMarginWithinBoundsAndUpdatesPastTheThreshold() {
    VpaConfig d = VpaConfig.defaults();
    VpaConfig config =
        new VpaConfig(
            d.recommenderIntervalMs(),
            d.metricWindowMs(),
            d.cpuPercentile(),
            d.memoryPercentile(),
            d.safetyMarginFraction(),
            d.halfLifeMs(),
            d.memoryAggregationMs(),
            d.minCpuCores(),
            d.minMemoryMiB(),
            0.28,
            d.maxMemoryMiB(),
            d.updateThreshold());
    VpaController vpa = new VpaController(config);

    // t=30: not a recommender run (every 60 s).
    step(vpa, 30, 0.2, 0.2);
    assertEquals(List.of(), cluster.calls);

    // t=60: db used 0.2 cores → 0.247 cores; 256 MiB → 268.2913 × 1.15 = 308.5350 MiB. Off by
    // |0.247 − 1| / 1 + |308.5 − 1024| / 1024 = 1.45 ≥ 0.1: both set. cache gets the same
    // target, but is off by |0.247 − 0.23| / 0.23 + |308.5 − 308| / 308 = 0.0739 + 0.0017 =
    // 0.0756 < 0.1: left alone. idle: 10 m × 1.15 = 11 m < 25 m and 105.16 × 1.15 = 120.9 < 250:
    // the minimums.
    step(vpa, 60, 0.2, 0.2);
    assertEquals(DB_CPU, cluster.cpuLimitCores("db"), 1e-12);
    assertEquals(DB_MEMORY, cluster.memoryLimitMiB("db"), 1e-3);
    assertEquals(0.23, cluster.cpuLimitCores("cache"));
    assertEquals(308, cluster.memoryLimitMiB("cache"));
    assertEquals(0.025, cluster.cpuLimitCores("idle"), 1e-12);
    assertEquals(250, cluster.memoryLimitMiB("idle"), 1e-12);
    assertEquals(4, cluster.calls.size());

    // t=120: the same usage gives the same targets: nothing changes.
    step(vpa, 90, 0.2, 0.2);
    step(vpa, 120, 0.2, 0.2);
    assertEquals(4, cluster.calls.size());

    // t=180: db runs at its limit, 0.247 cores. CPU weights are the limit at the time: 1.0
    // (t=60), 0.247 (t=120), 0.247 (t=180); 90% of 1.494 = 1.345 is past the 1.247 in 0.2's
    // bucket, so the percentile is 0.2584037 → 258 m → 296.7 → 296 m, capped at maxCpuCores
    // 0.28: off by 0.033 / 0.247 = 0.134 ≥ 0.1, CPU set; memory is on target, not touched.
    step(vpa, 150, DB_CPU, 0.2);
    step(vpa, 180, DB_CPU, 0.2);
    assertEquals(0.28, cluster.cpuLimitCores("db"), 1e-12);
    assertEquals(5, cluster.calls.size());
    assertEquals("cpu db 0.28", cluster.calls.get(4));
  }
}
