package dev.trimtab.env.control;

import java.util.List;

/**
 * The knobs a controller turns, per service, and their current settings: the simulator implements
 * it, and so will the live testbed and the Kubernetes actuator, so that a baseline or a policy runs
 * unchanged on each.
 *
 * <p>Settings are what was last asked for, not what is running yet: a replica asked for now serves
 * only after its start-up delay, and {@link #replicas} already counts it.
 */
public interface ClusterActuator {

  /** The services, in the topology's order. */
  List<String> services();

  /** Replicas asked for (ready, starting or restarting; not draining). */
  int replicas(String service);

  /** Per-replica CPU limit in cores. */
  double cpuLimitCores(String service);

  /** Per-replica memory limit in MiB. */
  double memoryLimitMiB(String service);

  /** Scales the service to {@code replicas}; new replicas serve after their start-up delay. */
  void setReplicas(String service, int replicas);

  /** Sets the per-replica CPU limit in cores. */
  void setCpuLimit(String service, double cpuLimitCores);

  /** Sets the per-replica memory limit in MiB. */
  void setMemoryLimit(String service, double memoryLimitMiB);

  /**
   * The SM clock of a GPU service's devices in MHz, or 0 for a service that has no GPU.
   *
   * <p>The default is for actuators that manage no GPUs.
   */
  default int gpuFrequencyMhz(String service) {
    return 0;
  }

  /**
   * Sets the SM clock of a GPU service's devices; the actuator snaps it to the nearest supported
   * level. Fails for a service that has no GPU.
   */
  default void setGpuFrequencyMhz(String service, int mhz) {
    throw new UnsupportedOperationException(
        "this cluster manages no GPUs (service " + service + ")");
  }
}
