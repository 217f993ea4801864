package dev.trimtab.faults.spec;

/**
 * A GPU loses clock (thermal or power capping). Placeholder until the simulator models GPU
 * frequency: each target (only services of kind GPU are eligible) keeps {@link #capacityFraction()}
 * = 1 - 0.9 x intensity of its capacity, applied like CPU contention.
 *
 * @param intensity 0 to 1
 */
public record GpuThrottle(Target target, double startS, double durationS, double intensity)
    implements ServiceFault {

  public GpuThrottle {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.between("intensity", intensity, 0, 1);
  }

  /** Share of its capacity the target keeps while the fault lasts. */
  public double capacityFraction() {
    return 1 - 0.9 * intensity;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.GPU_THROTTLE;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
