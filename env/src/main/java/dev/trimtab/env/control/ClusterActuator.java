package dev.trimtab.env.control;

/**
 * The knobs a controller turns, per service: the simulator implements it, and so will the live
 * testbed and the Kubernetes actuator, so that a baseline or a policy runs unchanged on each.
 */
public interface ClusterActuator {

  /** Scales the service to {@code replicas}; new replicas serve after their start-up delay. */
  void setReplicas(String service, int replicas);

  /** Sets the per-replica CPU limit in cores. */
  void setCpuLimit(String service, double cpuLimitCores);

  /** Sets the per-replica memory limit in MiB. */
  void setMemoryLimit(String service, double memoryLimitMiB);
}
