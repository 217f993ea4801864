package dev.trimtab.cli.control;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Simulation;

/** Keeps the topology's initial allocation for the whole run: the baseline every policy beats. */
public final class StaticController implements Controller {

  @Override
  public void act(IntervalMetrics metrics, Simulation sim) {
    // deliberately nothing: the allocation stays as the topology declares it
  }
}
