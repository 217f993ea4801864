package dev.trimtab.faults.spec;

/** No call gets through between each target and the service {@code to}, in either direction. */
public record Partition(Target target, double startS, double durationS, String to)
    implements ServiceFault {

  public Partition {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.service("to", to);
  }

  @Override
  public double intensity() {
    return 1;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.PARTITION;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
