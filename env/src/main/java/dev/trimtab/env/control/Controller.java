package dev.trimtab.env.control;

import dev.trimtab.env.sim.IntervalMetrics;

/**
 * Decides allocations between control intervals: the one interface that baselines (static, HPA,
 * VPA, AIMD) and trained RL policies implement, so that {@code eval} and {@code serve} treat them
 * alike.
 *
 * <p>The caller runs an interval, then calls {@link #act} with that interval's metrics; what the
 * controller changes through the actuator takes effect from the start of the next interval. A
 * controller may keep state between calls (HPA's stabilisation window, VPA's histogram); {@link
 * #reset} clears it for a new run. Controllers read no wall clock: time is {@code metrics.endMs()}.
 */
public interface Controller {

  /** The short name used on the command line and in reports, e.g. {@code hpa}. */
  String name();

  /** Forgets everything learned from earlier runs; called before the first interval of a run. */
  default void reset(ClusterActuator cluster) {}

  /** Looks at the interval just run and acts on the cluster. */
  void act(IntervalMetrics metrics, ClusterActuator cluster);
}
