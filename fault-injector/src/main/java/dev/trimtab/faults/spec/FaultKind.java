package dev.trimtab.faults.spec;

import java.util.Arrays;
import java.util.List;

/**
 * Every fault kind, with its spelling in campaign files and what its {@link FaultSpec#intensity()}
 * measures (recorded as the ground truth's intensity).
 */
public enum FaultKind {
  CPU_CONTENTION("cpu-contention", "share of CPU capacity stolen, 0-1 (x0.9)", false),
  MEMORY_BANDWIDTH_CONTENTION("memory-bandwidth-contention", "0-1, slowdown 1 + 3i", false),
  LLC_CONTENTION("llc-contention", "0-1, slowdown 1 + 3i", false),
  DISK_IO_CONTENTION("disk-io-contention", "0-1, slowdown 1 + 3i", false),
  NETWORK_DELAY("network-delay", "added delay, ms", false),
  NETWORK_LOSS("network-loss", "loss probability", false),
  BANDWIDTH_LIMIT("bandwidth-limit", "link rate, Mbit/s", false),
  PARTITION("partition", "1 (on or off)", false),
  SERVICE_CRASH("service-crash", "replicas killed per service", false),
  HANG("hang", "1 (on or off)", false),
  MEMORY_LEAK("memory-leak", "leak rate, MiB/s", false),
  LATENCY_INJECTION("latency-injection", "added latency, ms", false),
  ERROR_INJECTION("error-injection", "error probability", false),
  GPU_THROTTLE("gpu-throttle", "share of GPU capacity lost, 0-1 (x0.9)", false),
  MISCONFIGURED_LIMIT("misconfigured-limit", "the wrong limit, cores or MiB", false),
  PAYLOAD_SHIFT("payload-shift", "payload multiplier", false),
  FLASH_CROWD("flash-crowd", "peak rate multiple", true),
  RATE_SHIFT("rate-shift", "rate factor", true),
  MIX_SHIFT("mix-shift", "1 (on or off)", true),
  TRACE_SWAP("trace-swap", "rate multiple", true);

  private final String yamlName;
  private final String intensityMeaning;
  private final boolean workload;

  FaultKind(String yamlName, String intensityMeaning, boolean workload) {
    this.yamlName = yamlName;
    this.intensityMeaning = intensityMeaning;
    this.workload = workload;
  }

  /** The spelling in campaign files and ground truth, e.g. {@code cpu-contention}. */
  public String yamlName() {
    return yamlName;
  }

  /** What the kind's intensity measures, with its unit. */
  public String intensityMeaning() {
    return intensityMeaning;
  }

  /** Whether the fault changes the workload as a whole rather than targeted services. */
  public boolean workload() {
    return workload;
  }

  /** Every spelling, in declaration order, for error messages. */
  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(FaultKind::yamlName).toList();
  }

  /** The kind spelled {@code name}, or null. */
  public static FaultKind fromYaml(String name) {
    for (FaultKind k : values()) {
      if (k.yamlName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
