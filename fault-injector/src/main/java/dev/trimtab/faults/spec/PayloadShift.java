package dev.trimtab.faults.spec;

/**
 * Requests get bigger (longer payloads, more tokens): every request carries {@code multiplier}
 * times its tokens, so token-priced operations (LLM and DNN stages) grow accordingly; each target
 * whose operations are not priced by tokens takes {@code multiplier} times longer per call instead.
 * Only growth ({@code multiplier >= 1}) is allowed.
 */
public record PayloadShift(Target target, double startS, double durationS, double multiplier)
    implements ServiceFault {

  public PayloadShift {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.atLeast("multiplier", multiplier, 1);
  }

  @Override
  public double intensity() {
    return multiplier;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.PAYLOAD_SHIFT;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
