package dev.trimtab.faults.spec;

/**
 * Calls into each target take {@code delayMs} longer, plus normal jitter of standard deviation
 * {@code jitterMs} (never below zero). With {@code to}, only calls from each target to the service
 * {@code to} are delayed (one edge, as Chaos Mesh's {@code direction: to}).
 *
 * @param to callee of the delayed edge, or null for every call into the targets
 */
public record NetworkDelay(
    Target target, double startS, double durationS, double delayMs, double jitterMs, String to)
    implements ServiceFault {

  public NetworkDelay {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.atLeast("delayMs", delayMs, 0);
    Checks.atLeast("jitterMs", jitterMs, 0);
    if (to != null) {
      Checks.service("to", to);
    }
  }

  @Override
  public double intensity() {
    return delayMs;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.NETWORK_DELAY;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
