package dev.trimtab.faults.spec;

/**
 * Each call into each target (or, with {@code to}, from each target to {@code to}) is lost with
 * {@code probability}: no reply comes, and the caller times out.
 *
 * @param to callee of the lossy edge, or null for every call into the targets
 */
public record NetworkLoss(
    Target target, double startS, double durationS, double probability, String to)
    implements ServiceFault {

  public NetworkLoss {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.probability("probability", probability);
    if (to != null) {
      Checks.service("to", to);
    }
  }

  @Override
  public double intensity() {
    return probability;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.NETWORK_LOSS;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
