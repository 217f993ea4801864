package dev.trimtab.cli.control;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Simulation;

/**
 * Decides allocations between control intervals. Called once after each interval with that
 * interval's metrics; changes it makes through {@code sim.setReplicas}, {@code sim.setCpuLimit} or
 * {@code sim.setMemoryLimit} take effect at the start of the next interval.
 */
public interface Controller {

  /** Looks at {@code metrics} (the interval just run) and acts on {@code sim}. */
  void act(IntervalMetrics metrics, Simulation sim);
}
