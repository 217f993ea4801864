package dev.trimtab.agents.baselines;

import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;

/**
 * Keeps the initial allocation for the whole run, as a cluster without autoscalers does: the
 * baseline every policy has to beat, and the control for what the other baselines change.
 */
public final class StaticController implements Controller {

  /** The name {@link Baselines} knows it by. */
  public static final String NAME = "static";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void act(IntervalMetrics metrics, ClusterActuator cluster) {
    // deliberately nothing: the allocation stays as the topology declares it
  }
}
