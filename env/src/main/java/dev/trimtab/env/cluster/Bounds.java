package dev.trimtab.env.cluster;

/**
 * What agents may set, per replica: the action space never leaves these bounds, so a policy cannot
 * scale a service to zero or starve it below a floor.
 *
 * @param minReplicas at least 1: an agent may not remove its service
 * @param cpuStepFraction one discrete CPU step changes the limit by this fraction (0.25 = ±25%)
 * @param memoryStepFraction one discrete memory step changes the limit by this fraction
 */
public record Bounds(
    int minReplicas,
    int maxReplicas,
    double minCpuCores,
    double maxCpuCores,
    double minMemoryMiB,
    double maxMemoryMiB,
    double cpuStepFraction,
    double memoryStepFraction) {

  /** Defaults: 1–10 replicas, 0.1–8 cores, 64–16384 MiB, steps of 25%. */
  public static final Bounds DEFAULT = new Bounds(1, 10, 0.1, 8, 64, 16384, 0.25, 0.25);

  public Bounds {
    if (minReplicas < 1 || maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "need 1 <= minReplicas <= maxReplicas, got " + minReplicas + ", " + maxReplicas);
    }
    if (!(minCpuCores > 0) || maxCpuCores < minCpuCores) {
      throw new IllegalArgumentException("need 0 < minCpuCores <= maxCpuCores");
    }
    if (!(minMemoryMiB > 0) || maxMemoryMiB < minMemoryMiB) {
      throw new IllegalArgumentException("need 0 < minMemoryMiB <= maxMemoryMiB");
    }
    if (!(cpuStepFraction > 0 && cpuStepFraction < 1)
        || !(memoryStepFraction > 0 && memoryStepFraction < 1)) {
      throw new IllegalArgumentException("step fractions must be in (0, 1)");
    }
  }

  int clampReplicas(int replicas) {
    return Math.max(minReplicas, Math.min(maxReplicas, replicas));
  }

  double clampCpu(double cores) {
    return Math.max(minCpuCores, Math.min(maxCpuCores, cores));
  }

  double clampMemory(double mib) {
    return Math.max(minMemoryMiB, Math.min(maxMemoryMiB, mib));
  }
}
