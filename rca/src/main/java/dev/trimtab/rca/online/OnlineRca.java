package dev.trimtab.rca.online;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.rca.data.SimulatedTelemetry;
import dev.trimtab.rca.data.SimulatedWindows;
import dev.trimtab.rca.data.TraceWindower;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.model.Ranking;
import dev.trimtab.rca.model.RcaModel;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyser's state across intervals. Intervals inside [{@code referenceFromS}, {@code
 * referenceToS}) of the run build the reference, as in training ({@link SimulatedWindows.Options});
 * afterwards each interval's traces are ranked against it. Before the reference is complete it
 * ranks nothing and flags nothing.
 */
public final class OnlineRca {
  private final RcaModel model;
  private final double referenceFromS;
  private final double referenceToS;
  private final int minTraces;
  private final TraceWindower windower = new TraceWindower(60_000_000_000L, 2_000_000);
  private final List<Trace> referenceTraces = new ArrayList<>();
  private final List<IntervalMetrics> referenceMetrics = new ArrayList<>();
  private WindowStats reference;
  private Ranking last = new Ranking(List.of(), new double[0], java.util.Set.of());

  public OnlineRca(RcaModel model, double referenceFromS, double referenceToS, int minTraces) {
    this.model = model;
    this.referenceFromS = referenceFromS;
    this.referenceToS = referenceToS;
    this.minTraces = minTraces;
  }

  /** With the training defaults: reference from 5 s to 35 s, at least 20 traces a window. */
  public static OnlineRca withDefaults(RcaModel model) {
    SimulatedWindows.Options o = SimulatedWindows.Options.DEFAULT;
    return new OnlineRca(model, o.referenceFromS(), o.referenceToS(), o.minTraces());
  }

  /** Adds spans as they end. */
  public void add(Span s) {
    windower.add(s);
  }

  /**
   * Closes the interval [{@code startS}, {@code endS}) of the run: its traces (those whose root has
   * arrived) join the reference or are ranked.
   */
  public Ranking endInterval(double startS, double endS) {
    return endInterval(startS, endS, null);
  }

  /**
   * As above, with the interval's metrics (or null) as evidence beside the traces: the simulator's
   * CPU, memory, success rate and response times, as in training.
   */
  public Ranking endInterval(double startS, double endS, IntervalMetrics metrics) {
    List<Trace> traces = windower.cut(Long.MAX_VALUE);
    if (reference == null) {
      if (startS >= referenceFromS && endS <= referenceToS) {
        referenceTraces.addAll(traces);
        if (metrics != null) {
          referenceMetrics.add(metrics);
        }
      }
      if (endS >= referenceToS && !referenceTraces.isEmpty()) {
        reference = WindowStats.of(referenceTraces);
        if (!referenceMetrics.isEmpty()) {
          reference =
              reference.withSignals(SimulatedTelemetry.signals(referenceMetrics, List.of()));
        }
        referenceTraces.clear();
        referenceMetrics.clear();
      }
      return last;
    }
    if (traces.size() >= minTraces) {
      WindowStats now = WindowStats.of(traces);
      if (metrics != null && reference.signals().hasMetrics()) {
        now = now.withSignals(SimulatedTelemetry.signals(List.of(metrics), List.of()));
      }
      last = model.rank(now, reference);
    }
    return last;
  }

  /** The latest ranking (empty before the reference is complete). */
  public Ranking ranking() {
    return last;
  }

  public boolean hasReference() {
    return reference != null;
  }
}
