package dev.trimtab.faults.spec;

/**
 * Requests get bigger (longer payloads, more tokens): until the simulator models tokens, every CPU
 * burst of each target takes {@code multiplier} times longer. Target the entry service, or the GPU
 * services for inference workloads. Only growth ({@code multiplier >= 1}) can be simulated.
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
