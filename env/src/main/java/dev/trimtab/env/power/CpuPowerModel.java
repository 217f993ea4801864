package dev.trimtab.env.power;

/**
 * Power of a replica from its CPU allocation and utilisation: a linear idle-to-max model per core.
 *
 * <p>{@code P = idleW * share + (maxW - idleW) * u}, taken per core: a replica holding {@code
 * cores} CPUs carries {@code cores} cores' share of the host's idle power, {@code idleWPerCore *
 * cores}, and adds {@code (maxWPerCore - idleWPerCore)} for every core it keeps busy, i.e. times
 * {@code cores * utilisation}. A "core" is one Kubernetes CPU (one vCPU, a hardware thread).
 *
 * <p>{@link #DEFAULT} uses the Cloud Carbon Footprint coefficients for AWS (0.74 W per vCPU idle,
 * 3.5 W per vCPU at 100%), derived from SPECpower_ssj2008 results; docs/power.md explains the
 * choice. CPU package power only: memory, disks, network, fans and the data centre's PUE are not in
 * it.
 *
 * @param idleWPerCore power per allocated core at 0% utilisation, >= 0
 * @param maxWPerCore power per allocated core at 100% utilisation, >= idleWPerCore
 */
public record CpuPowerModel(double idleWPerCore, double maxWPerCore) {

  /** Cloud Carbon Footprint's AWS averages: 0.74 W idle, 3.5 W busy, per vCPU. */
  public static final CpuPowerModel DEFAULT = new CpuPowerModel(0.74, 3.5);

  public CpuPowerModel {
    if (!(idleWPerCore >= 0) || !Double.isFinite(idleWPerCore)) {
      throw new IllegalArgumentException(
          "idleWPerCore must be finite and >= 0, got " + idleWPerCore);
    }
    if (!(maxWPerCore >= idleWPerCore) || !Double.isFinite(maxWPerCore)) {
      throw new IllegalArgumentException(
          "maxWPerCore must be finite and >= idleWPerCore ("
              + idleWPerCore
              + "), got "
              + maxWPerCore);
    }
  }

  /**
   * Power of a replica with {@code cores} allocated CPUs, busy {@code utilisation} (0 to 1) of them
   * on average.
   */
  public double powerW(double cores, double utilisation) {
    requireNonNegative(cores, "cores");
    if (!(utilisation >= 0 && utilisation <= 1)) {
      throw new IllegalArgumentException("utilisation must be in [0, 1], got " + utilisation);
    }
    return cores * (idleWPerCore + (maxWPerCore - idleWPerCore) * utilisation);
  }

  /** Energy of {@link #powerW} held for {@code durationS} seconds. */
  public double energyJ(double cores, double utilisation, double durationS) {
    requireNonNegative(durationS, "durationS");
    return powerW(cores, utilisation) * durationS;
  }

  /**
   * Energy over an interval from the CPU time actually used, as the simulator counts it ({@code
   * cpuCoreMs} core-milliseconds on {@code cores} allocated CPUs over {@code durationS}); equal to
   * {@link #energyJ} with {@code utilisation = cpuCoreMs / (1000 * cores * durationS)}.
   */
  public double energyFromCpuTimeJ(double cores, double cpuCoreMs, double durationS) {
    requireNonNegative(cores, "cores");
    requireNonNegative(cpuCoreMs, "cpuCoreMs");
    requireNonNegative(durationS, "durationS");
    return idleWPerCore * cores * durationS + (maxWPerCore - idleWPerCore) * cpuCoreMs / 1000.0;
  }

  private static void requireNonNegative(double v, String name) {
    if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
  }
}
