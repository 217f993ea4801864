package dev.trimtab.faults.score;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.SpanSink;
import dev.trimtab.env.topology.Topology;
import java.util.List;

/**
 * The contestant of a localization task: it watches the run and ranks services by how likely they
 * are the fault's target. Interval metrics come through {@link #observe}; a localizer that wants
 * traces (FIRM-style root-cause analysis on critical paths) returns a {@link #spanSink()}, and the
 * runner sends it the spans of a {@link #spanSamplingRate()} share of requests.
 */
public interface Localizer {

  /** Short name for reports. */
  String name();

  /** Forgets earlier runs; called before the first interval. */
  void reset(Topology topology);

  /** Looks at the interval just run. */
  void observe(IntervalMetrics metrics);

  /** Services, most suspect first; may list fewer than all (the scorers look at three). */
  List<String> ranking();

  /** Where spans go, or null (the default) for a localizer that reads metrics only. */
  default SpanSink spanSink() {
    return null;
  }

  /** Share of requests traced when {@link #spanSink()} is not null. */
  default double spanSamplingRate() {
    return 0.05;
  }
}
