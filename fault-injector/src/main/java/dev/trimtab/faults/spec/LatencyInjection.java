package dev.trimtab.faults.spec;

/**
 * Application-level added latency (a Chaos Monkey latency assault: the handler sleeps): every call
 * into each target answers {@code latencyMs} later. Simulated as a network delay into the target,
 * because a sleep adds a fixed time without using CPU, which a service-time factor would not do (it
 * would scale with demand and burn CPU). The caller's latency shows it; the target's own service
 * time does not.
 */
public record LatencyInjection(Target target, double startS, double durationS, double latencyMs)
    implements ServiceFault {

  public LatencyInjection {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.above("latencyMs", latencyMs, 0);
  }

  @Override
  public double intensity() {
    return latencyMs;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.LATENCY_INJECTION;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
