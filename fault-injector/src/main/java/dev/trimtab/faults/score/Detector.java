package dev.trimtab.faults.score;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.topology.Topology;

/**
 * The contestant of a detection task: after each interval it says whether it believes a fault is
 * present. Its answer is its first alarm; an alarm before any fault started is a false alarm. A
 * detector reads no wall clock and keeps state only between {@link #reset} calls.
 */
public interface Detector {

  /** Short name for reports. */
  String name();

  /** Forgets earlier runs; called before the first interval. */
  void reset(Topology topology);

  /** Looks at the interval just run; true raises the alarm. */
  boolean alarm(IntervalMetrics metrics);
}
