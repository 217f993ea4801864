package dev.trimtab.cli.control;

import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;

/** Keeps the topology's initial allocation for the whole run: the baseline every policy beats. */
public final class StaticController implements Controller {

  @Override
  public String name() {
    return "static";
  }

  @Override
  public void act(IntervalMetrics metrics, ClusterActuator cluster) {
    // deliberately nothing: the allocation stays as the topology declares it
  }
}
