package dev.trimtab.testbed.live;

import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.live.CgroupSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a testbed runs a topology.
 *
 * @param stateDir where the state file, logs, the topology file and working sets go
 * @param heapMiB maximum heap of each service JVM ({@code -Xmx})
 * @param jvmOverheadMiB memory a service JVM needs besides the topology's {@code memoryLimitMiB}
 *     (heap, metaspace, code, threads, the agent); the cgroup's limit is the sum, so the topology's
 *     limit is what the service's own working set gets
 * @param cfsPeriodUs the CFS period of the quotas: short periods spread throttling evenly, as the
 *     simulator's fluid model does; the kernel's default 100 ms lets a burst run at full speed and
 *     then stall
 * @param samplingRate share of requests whose traces are exported
 * @param telemetry whether services run with the OpenTelemetry agent
 * @param maxReplicasPerService the most replicas a controller can scale a service to here (each is
 *     a JVM of about 250 MB)
 * @param startupTimeout how long a replica may take to answer its health check
 * @param seed seeds the services' demand draws
 * @param cgroups where the cgroups are; {@code requireLimits} fails instead of running without
 * @param jvmOptions extra options for every service JVM, after the testbed's own (so they win)
 * @param priority the testbed's CPU weight in times a normal process's ({@code cpu.shares} 1024 × n
 *     on cgroup v1, {@code cpu.weight} 100 × n on v2), shared by its services and, on v1, the
 *     launcher itself (its load generator must send on time). On a busy host it decides who waits,
 *     not how much the testbed may use: the quotas still cap that. 1 for no boost.
 */
public record TestbedConfig(
    Topology topology,
    Path stateDir,
    int heapMiB,
    int jvmOverheadMiB,
    long cfsPeriodUs,
    double samplingRate,
    boolean telemetry,
    int maxReplicasPerService,
    Duration startupTimeout,
    long seed,
    CgroupSystem cgroups,
    boolean requireLimits,
    java.util.List<String> jvmOptions,
    int priority) {

  public static final int DEFAULT_HEAP_MIB = 96;
  public static final int DEFAULT_JVM_OVERHEAD_MIB = 320;
  public static final long DEFAULT_CFS_PERIOD_US = 10_000;
  public static final int DEFAULT_MAX_REPLICAS = 3;

  public TestbedConfig {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(stateDir, "stateDir");
    if (heapMiB < 48) {
      throw new IllegalArgumentException("heapMiB must be >= 48, got " + heapMiB);
    }
    if (cfsPeriodUs < 1000 || cfsPeriodUs > 1_000_000) {
      throw new IllegalArgumentException(
          "cfsPeriodUs must be in [1000, 1000000], got " + cfsPeriodUs);
    }
    if (!(samplingRate >= 0 && samplingRate <= 1)) {
      throw new IllegalArgumentException("samplingRate must be in [0, 1], got " + samplingRate);
    }
    if (maxReplicasPerService < 1) {
      throw new IllegalArgumentException("maxReplicasPerService must be >= 1");
    }
    jvmOptions = java.util.List.copyOf(jvmOptions);
    if (priority < 1 || priority > 100) {
      throw new IllegalArgumentException("priority must be in [1, 100], got " + priority);
    }
  }

  /** The default priority: eight times a normal process's weight. */
  public static final int DEFAULT_PRIORITY = 8;

  /** The defaults for {@code topology}, state in {@code stateDir}, this host's cgroups. */
  public static TestbedConfig of(Topology topology, Path stateDir) {
    return new TestbedConfig(
        topology,
        stateDir,
        DEFAULT_HEAP_MIB,
        DEFAULT_JVM_OVERHEAD_MIB,
        DEFAULT_CFS_PERIOD_US,
        1.0,
        true,
        DEFAULT_MAX_REPLICAS,
        Duration.ofSeconds(240),
        1,
        CgroupSystem.host(),
        false,
        java.util.List.of(),
        DEFAULT_PRIORITY);
  }

  public TestbedConfig withTopology(Topology t) {
    return new TestbedConfig(
        t,
        stateDir,
        heapMiB,
        jvmOverheadMiB,
        cfsPeriodUs,
        samplingRate,
        telemetry,
        maxReplicasPerService,
        startupTimeout,
        seed,
        cgroups,
        requireLimits,
        jvmOptions,
        priority);
  }

  public TestbedConfig withSamplingRate(double rate) {
    return new TestbedConfig(
        topology,
        stateDir,
        heapMiB,
        jvmOverheadMiB,
        cfsPeriodUs,
        rate,
        telemetry,
        maxReplicasPerService,
        startupTimeout,
        seed,
        cgroups,
        requireLimits,
        jvmOptions,
        priority);
  }

  public TestbedConfig withCfsPeriodUs(long periodUs) {
    return new TestbedConfig(
        topology,
        stateDir,
        heapMiB,
        jvmOverheadMiB,
        periodUs,
        samplingRate,
        telemetry,
        maxReplicasPerService,
        startupTimeout,
        seed,
        cgroups,
        requireLimits,
        jvmOptions,
        priority);
  }

  public TestbedConfig withCgroups(CgroupSystem system, boolean require) {
    return new TestbedConfig(
        topology,
        stateDir,
        heapMiB,
        jvmOverheadMiB,
        cfsPeriodUs,
        samplingRate,
        telemetry,
        maxReplicasPerService,
        startupTimeout,
        seed,
        system,
        require,
        jvmOptions,
        priority);
  }

  public TestbedConfig withTelemetry(boolean on) {
    return new TestbedConfig(
        topology,
        stateDir,
        heapMiB,
        jvmOverheadMiB,
        cfsPeriodUs,
        samplingRate,
        on,
        maxReplicasPerService,
        startupTimeout,
        seed,
        cgroups,
        requireLimits,
        jvmOptions,
        priority);
  }

  public TestbedConfig withJvmOptions(java.util.List<String> options) {
    return new TestbedConfig(
        topology,
        stateDir,
        heapMiB,
        jvmOverheadMiB,
        cfsPeriodUs,
        samplingRate,
        telemetry,
        maxReplicasPerService,
        startupTimeout,
        seed,
        cgroups,
        requireLimits,
        options,
        priority);
  }

  public TestbedConfig withPriority(int newPriority) {
    return new TestbedConfig(
        topology,
        stateDir,
        heapMiB,
        jvmOverheadMiB,
        cfsPeriodUs,
        samplingRate,
        telemetry,
        maxReplicasPerService,
        startupTimeout,
        seed,
        cgroups,
        requireLimits,
        jvmOptions,
        newPriority);
  }

  public TestbedConfig withSeed(long newSeed) {
    return new TestbedConfig(
        topology,
        stateDir,
        heapMiB,
        jvmOverheadMiB,
        cfsPeriodUs,
        samplingRate,
        telemetry,
        maxReplicasPerService,
        startupTimeout,
        newSeed,
        cgroups,
        requireLimits,
        jvmOptions,
        priority);
  }
}
