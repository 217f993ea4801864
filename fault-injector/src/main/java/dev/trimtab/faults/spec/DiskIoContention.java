package dev.trimtab.faults.spec;

/**
 * Disk I/O contention (FIRM's disk I/O anomaly): every CPU burst of each target takes {@link
 * #slowdownFactor()} = 1 + 3 x intensity times longer (up to 4x at full intensity).
 *
 * @param intensity 0 to 1
 */
public record DiskIoContention(Target target, double startS, double durationS, double intensity)
    implements ServiceFault {

  public DiskIoContention {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.between("intensity", intensity, 0, 1);
  }

  /** Multiplier on every CPU burst while the fault lasts. */
  public double slowdownFactor() {
    return 1 + 3 * intensity;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.DISK_IO_CONTENTION;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
