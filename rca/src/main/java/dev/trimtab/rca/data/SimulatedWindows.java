package dev.trimtab.rca.data;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.telemetry.LogRecorder;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.inject.SimulatedInjector;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.telemetry.Drain;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Labelled windows from one simulated run: the hook that turns any (topology, workload, campaign,
 * duration, seed) into training or evaluation data, whether the campaign comes from a scenario file
 * or a problem of a suite.
 *
 * <p>The run is traced with head sampling; every {@code windowS} the traces whose root ended in the
 * window become one window, with the interval's metrics and the logs the services wrote ({@link
 * LogRecorder}). The reference is every window inside [{@code referenceFromS}, {@code
 * referenceToS}), chosen by time alone: no ground truth is read to choose it, so a campaign must
 * keep that period quiet (the bundled scenarios and suites start faults at 40 s or later). A window
 * is labelled with the services of the faults active for at least {@code minOverlap} of it; windows
 * a fault touches for less are left out as ambiguous, and so are windows with fewer than {@code
 * minTraces} traces.
 */
public final class SimulatedWindows {

  /**
   * @param samplingRate share of requests traced
   * @param windowS window length, seconds
   * @param referenceFromS start of the reference period
   * @param referenceToS end of the reference period
   * @param minOverlap share of a window a fault must cover to label it
   * @param minTraces windows with fewer traces are left out
   */
  public record Options(
      double samplingRate,
      double windowS,
      double referenceFromS,
      double referenceToS,
      double minOverlap,
      int minTraces) {
    public static final Options DEFAULT = new Options(0.5, 5, 5, 35, 0.5, 20);

    public Options {
      if (!(samplingRate > 0 && samplingRate <= 1)
          || !(windowS > 0)
          || !(referenceToS > referenceFromS)
          || !(minOverlap > 0 && minOverlap <= 1)) {
        throw new IllegalArgumentException("bad window options " + this);
      }
    }
  }

  private SimulatedWindows() {}

  public static List<LabelledWindow> run(
      String runName,
      Topology topology,
      Workload workload,
      Campaign campaign,
      double durationS,
      long seed,
      Options o) {
    Simulation sim = Simulation.create(topology, workload, seed);
    SpanRecorder recorder = new SpanRecorder(2_000_000);
    LogRecorder logRecorder = new LogRecorder(4_000_000);
    sim.traceTo(LogRecorder.tee(recorder, logRecorder), o.samplingRate());
    long epoch = recorder.epochNanos();
    TraceWindower windower = new TraceWindower(60_000_000_000L, 4_000_000);
    List<WindowStats> windows = new ArrayList<>();
    List<Trace> refTraces = new ArrayList<>();
    List<IntervalMetrics> refMetrics = new ArrayList<>();
    List<LogEvents> refLogs = new ArrayList<>();
    Drain drain = Drain.defaults();
    List<GroundTruth> truth;
    try (SimulatedInjector faults = SimulatedInjector.attach(sim, campaign, seed)) {
      truth = faults.groundTruth();
      int n = (int) Math.ceil(durationS / o.windowS() - 1e-9);
      for (int i = 0; i < n; i++) {
        double endS = Math.min(durationS, (i + 1) * o.windowS());
        var m = sim.runFor(endS * 1000 - sim.nowMs());
        faults.observe(m);
        for (SpanData s : recorder.drain()) {
          windower.add(span(s));
        }
        List<Trace> traces = windower.cut(epoch + Math.round(endS * 1e9));
        LogEvents logs = SimulatedTelemetry.logs(logRecorder.drain(), drain);
        double a = i * o.windowS();
        if (a >= o.referenceFromS() && endS <= o.referenceToS()) {
          refTraces.addAll(traces);
          refMetrics.add(m);
          refLogs.add(logs);
        }
        windows.add(
            WindowStats.of(traces)
                .withSignals(SimulatedTelemetry.signals(List.of(m), List.of(logs))));
      }
    }
    WindowStats reference =
        WindowStats.of(refTraces).withSignals(SimulatedTelemetry.signals(refMetrics, refLogs));
    List<LabelledWindow> out = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      double a = i * o.windowS();
      double b = Math.min(durationS, a + o.windowS());
      if (windows.get(i).traces() < o.minTraces()) {
        continue;
      }
      Set<String> culprits = new LinkedHashSet<>();
      String kind = LabelledWindow.NO_FAULT;
      boolean ambiguous = false;
      for (GroundTruth g : overlapping(truth, a, b)) {
        double cover = (Math.min(b, g.endMs() / 1000) - Math.max(a, g.startMs() / 1000)) / (b - a);
        if (cover >= o.minOverlap()) {
          culprits.addAll(g.services());
          kind = g.kind().yamlName();
        } else {
          ambiguous = true;
        }
      }
      if (!ambiguous) {
        out.add(
            new LabelledWindow(
                runName, topology.name(), kind, a, b, culprits, windows.get(i), reference));
      }
    }
    return out;
  }

  private static List<GroundTruth> overlapping(List<GroundTruth> truth, double a, double b) {
    return truth.stream().filter(g -> g.startMs() / 1000 < b && g.endMs() / 1000 > a).toList();
  }

  static Span span(SpanData s) {
    var parent = s.getParentSpanContext();
    return new Span(
        s.getSpanContext().getTraceId(),
        s.getSpanContext().getSpanId(),
        parent.isValid() ? parent.getSpanId() : null,
        s.getResource()
            .getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("service.name")),
        s.getName(),
        s.getStartEpochNanos(),
        s.getEndEpochNanos(),
        s.getStatus().getStatusCode() == StatusCode.ERROR,
        false);
  }
}
