package dev.trimtab.faults.spec;

/**
 * A pod kill: at the start, {@code replicas} ready replicas of each target die; each restarts after
 * its service's start-up delay. {@code durationS} is the window the ground truth marks as faulty
 * (set it to about the start-up delay); nothing is undone at its end.
 */
public record ServiceCrash(Target target, double startS, double durationS, int replicas)
    implements ServiceFault {

  public ServiceCrash {
    Checks.present("target", target);
    Checks.timing(startS, durationS);
    Checks.atLeast("replicas", replicas, 1);
  }

  @Override
  public double intensity() {
    return replicas;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.SERVICE_CRASH;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
