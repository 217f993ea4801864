package dev.trimtab.faults.spec;

/** Each target accepts calls and never answers them; callers time out. */
public record Hang(Target target, double startS, double durationS) implements ServiceFault {

  public Hang {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
  }

  @Override
  public double intensity() {
    return 1;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.HANG;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
