package dev.trimtab.faults.spec;

/** Requests arrive {@code factor} times as often while the fault lasts. */
public record RateShift(double startS, double durationS, double factor) implements WorkloadFault {

  public RateShift {
    Checks.timing(startS, durationS);
    Checks.above("factor", factor, 0);
  }

  @Override
  public double intensity() {
    return factor;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.RATE_SHIFT;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
