package dev.trimtab.faults.spec;

/**
 * Noisy neighbours steal CPU: each target keeps {@link #capacityFraction()} = 1 - 0.9 x intensity
 * of its CPU limit (FIRM's "CPU hog" at 0-100%; at full intensity 10% is left, so the service still
 * crawls rather than stopping, as a real hog leaves some share).
 *
 * @param intensity 0 to 1
 */
public record CpuContention(Target target, double startS, double durationS, double intensity)
    implements ServiceFault {

  public CpuContention {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.between("intensity", intensity, 0, 1);
  }

  /** Share of its CPU limit the target keeps while the fault lasts. */
  public double capacityFraction() {
    return 1 - 0.9 * intensity;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.CPU_CONTENTION;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
