package dev.trimtab.faults.score;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.topology.Topology;

/**
 * The built-in detector: alarm once any endpoint has missed its SLO in {@code consecutive}
 * intervals in a row, and keep the alarm from then on. It sees only symptoms, so it misses faults
 * that leave the SLOs intact and cannot tell a fault from plain overload.
 */
public final class SloDetector implements Detector {
  private final int consecutive;
  private int run;
  private boolean alarmed;

  public SloDetector(int consecutive) {
    if (consecutive < 1) {
      throw new IllegalArgumentException("consecutive must be >= 1, got " + consecutive);
    }
    this.consecutive = consecutive;
  }

  /** Alarm on the first violated interval. */
  public SloDetector() {
    this(1);
  }

  @Override
  public String name() {
    return consecutive == 1 ? "slo" : "slo-" + consecutive;
  }

  @Override
  public void reset(Topology topology) {
    run = 0;
    alarmed = false;
  }

  @Override
  public boolean alarm(IntervalMetrics metrics) {
    run = metrics.sloViolated() ? run + 1 : 0;
    alarmed |= run >= consecutive;
    return alarmed;
  }
}
