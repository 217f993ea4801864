package dev.trimtab.faults.spec;

/**
 * Someone sets a wrong limit: while the fault lasts, each target's per-replica {@code resource}
 * limit is {@code wrongLimit} (cores for CPU, MiB for memory); at its end the limit it had before
 * is restored.
 */
public record MisconfiguredLimit(
    Target target, double startS, double durationS, LimitResource resource, double wrongLimit)
    implements ServiceFault {

  public MisconfiguredLimit {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.present("resource", resource);
    Checks.above(resource == LimitResource.CPU ? "cpuLimitCores" : "memoryLimitMiB", wrongLimit, 0);
  }

  @Override
  public double intensity() {
    return wrongLimit;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.MISCONFIGURED_LIMIT;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
