package dev.trimtab.faults.spec;

/** Each call into each target ends in an error after its CPU burst with {@code probability}. */
public record ErrorInjection(Target target, double startS, double durationS, double probability)
    implements ServiceFault {

  public ErrorInjection {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.probability("probability", probability);
  }

  @Override
  public double intensity() {
    return probability;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.ERROR_INJECTION;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
