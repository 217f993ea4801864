package dev.trimtab.env.telemetry;

import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the fixture cluster with a trace export, or twin runs with a plain recording sink. */
final class TracedRun {
  static final double INTERVAL_MS = 1000;

  /** A span exactly as the simulator reported it. */
  record RawSpan(
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      long parentSpanId,
      String service,
      String operation,
      String endpoint,
      double startMs,
      double endMs,
      boolean error) {}

  private TracedRun() {}

  static Simulation simulation(
      Topology topology, double ratePerS, double arrivalsEndMs, long seed) {
    return Simulation.create(topology, TelemetryFixtures.poisson(ratePerS, arrivalsEndMs), seed);
  }

  /**
   * Traces {@code sim} to {@code file}, flushing every interval, for {@code intervals} intervals;
   * returns the finished simulation.
   */
  static Simulation export(Simulation sim, Path file, double samplingRate, int intervals)
      throws IOException {
    try (TraceExport export = TraceExport.start(sim, file, samplingRate)) {
      for (int i = 0; i < intervals; i++) {
        sim.runFor(INTERVAL_MS);
        export.flush();
      }
    }
    return sim;
  }

  /** The same run with a sink that keeps the callbacks as they come. */
  static List<RawSpan> raw(Simulation sim, double samplingRate, int intervals) {
    List<RawSpan> spans = new ArrayList<>();
    sim.traceTo(
        (hi, lo, id, parent, service, op, endpoint, start, end, error) ->
            spans.add(new RawSpan(hi, lo, id, parent, service, op, endpoint, start, end, error)),
        samplingRate);
    for (int i = 0; i < intervals; i++) {
      sim.runFor(INTERVAL_MS);
    }
    return spans;
  }
}
