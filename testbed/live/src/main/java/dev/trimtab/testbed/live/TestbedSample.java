package dev.trimtab.testbed.live;

import java.util.List;

/**
 * Every service's counters at one moment ({@link System#nanoTime()}): cumulative since the testbed
 * started, over every replica it ever had, so that the difference of two samples is what happened
 * between them.
 */
public record TestbedSample(long nanoTime, List<ServiceSample> services) {

  public TestbedSample {
    services = List.copyOf(services);
  }

  /**
   * @param cpuNanos CPU time the service's processes used (cgroup accounting, or /proc without it)
   * @param throttledNanos time its groups were throttled by their quota (0 without cgroups)
   * @param memoryBytes memory charged to its running replicas now
   * @param arrived calls that reached it; {@code completed}, {@code dropped} and {@code errored}
   *     how they ended
   * @param queued CPU bursts waiting for a worker now
   */
  public record ServiceSample(
      String service,
      int replicas,
      int readyReplicas,
      double cpuLimitCores,
      double memoryLimitMiB,
      long cpuNanos,
      long throttledNanos,
      long memoryBytes,
      long arrived,
      long completed,
      long dropped,
      long errored,
      int queued) {}
}
