package dev.trimtab.faults.spec;

/**
 * The working set of each target grows by {@code leakMiBPerS} every simulated second until the
 * replica is OOM-killed (a restart frees the leak) or the fault ends (the leak is freed).
 */
public record MemoryLeak(Target target, double startS, double durationS, double leakMiBPerS)
    implements ServiceFault {

  public MemoryLeak {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.above("leakMiBPerS", leakMiBPerS, 0);
  }

  @Override
  public double intensity() {
    return leakMiBPerS;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.MEMORY_LEAK;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
