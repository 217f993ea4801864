package dev.trimtab.faults.spec;

/**
 * The link into each target carries {@code rateMbitPerS}; each call's request is {@code payloadKiB}
 * long and waits its turn for the link, so a saturated link adds queueing delay.
 */
public record BandwidthLimit(
    Target target, double startS, double durationS, double rateMbitPerS, double payloadKiB)
    implements ServiceFault {

  public BandwidthLimit {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.above("rateMbitPerS", rateMbitPerS, 0);
    Checks.above("payloadKiB", payloadKiB, 0);
  }

  @Override
  public double intensity() {
    return rateMbitPerS;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.BANDWIDTH_LIMIT;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
