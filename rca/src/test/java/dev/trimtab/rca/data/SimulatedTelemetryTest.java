package dev.trimtab.rca.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.telemetry.IntervalMetricsExporter;
import dev.trimtab.env.telemetry.LogRecorder;
import dev.trimtab.env.telemetry.OtlpJsonLogWriter;
import dev.trimtab.env.telemetry.SimulatedLogRecord;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.inject.SimulatedInjector;
import dev.trimtab.rca.io.TelemetryFiles;
import dev.trimtab.rca.telemetry.Drain;
import dev.trimtab.rca.telemetry.LogCounts;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.telemetry.ServiceSignals;
import dev.trimtab.rca.telemetry.Signal;
import dev.trimtab.rca.telemetry.WindowSignals;
import dev.trimtab.rca.trace.ImportLimits;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's logs and metrics: error lines start where the failure starts, and what the
 * simulator exports (Prometheus text, OTLP JSON logs) reads back through the importers as the same
 * evidence the analyser computes directly.
 */
class SimulatedTelemetryTest {
  static final String CAMPAIGN =
      "name: c\nfaults:\n  - kind: error-injection\n    target: {services: [rate], mode: all}\n"
          + "    startS: 0\n    durationS: 60\n    probability: 0.5\n";

  @Test
  void errorLogsStartAtTheFailingServiceAndRoundTrip(@TempDir Path dir) throws Exception {
    Simulation sim =
        Simulation.create(
            Topologies.resolve("hotel-reservation"),
            WorkloadLoader.resolve("poisson:rate=100", Path.of(".")),
            3);
    SpanRecorder spans = new SpanRecorder(1_000_000);
    LogRecorder logs = new LogRecorder(1_000_000);
    sim.traceTo(LogRecorder.tee(spans, logs), 1.0);
    IntervalMetrics m;
    try (SimulatedInjector f =
        SimulatedInjector.attach(sim, CampaignLoader.parse(CAMPAIGN, "test"), 3)) {
      m = sim.runFor(10_000);
      f.observe(m);
    }
    List<SimulatedLogRecord> records = logs.drain();
    LogEvents direct = SimulatedTelemetry.logs(records, Drain.defaults());
    LogCounts rate = direct.count("rate", Long.MIN_VALUE, Long.MAX_VALUE);
    assertTrue(rate.errors() > 50, "the failing service logs its errors: " + rate);
    for (String s : direct.services()) {
      if (!s.equals("rate")) {
        assertEquals(0, direct.count(s, Long.MIN_VALUE, Long.MAX_VALUE).errors(), s);
      }
    }
    long warns = records.stream().filter(r -> r.severity().equals("WARN")).count();
    assertTrue(warns > 0, "callers of the failing service warn");

    Path lf = dir.resolve("logs.jsonl");
    try (OutputStream out = Files.newOutputStream(lf)) {
      OtlpJsonLogWriter.writeLine(out, records);
    }
    LogEvents.Builder lb = new LogEvents.Builder(Drain.defaults());
    TelemetryFiles.readLogs(List.of(lf), ImportLimits.DEFAULT, lb);
    LogEvents read = lb.build();
    for (String s : direct.services()) {
      LogCounts a = direct.count(s, Long.MIN_VALUE, Long.MAX_VALUE);
      LogCounts b = read.count(s, Long.MIN_VALUE, Long.MAX_VALUE);
      assertEquals(a.lines(), b.lines(), s);
      assertEquals(a.errors(), b.errors(), s);
      assertEquals(a.templates().size(), b.templates().size(), s);
    }

    Path mf = Files.writeString(dir.resolve("m.prom"), IntervalMetricsExporter.toText(m));
    MetricSeries.Builder mb = new MetricSeries.Builder();
    TelemetryFiles.readMetrics(List.of(mf), ImportLimits.DEFAULT, mb);
    MetricSeries series = mb.build();
    WindowSignals w = SimulatedTelemetry.signals(List.of(m), List.of(direct));
    for (ServiceMetrics s : m.services()) {
      ServiceSignals x = w.of(s.service());
      assertEquals(x.cpu(), series.mean(s.service(), Signal.CPU, 0, 1), 1e-9, s.service());
      assertEquals(x.memory(), series.mean(s.service(), Signal.MEMORY, 0, 1), 1e-9);
      if (s.completed() > 0) {
        assertEquals(x.successRate(), series.mean(s.service(), Signal.SUCCESS_RATE, 0, 1), 1e-9);
        assertEquals(
            x.serverLatencyS(), series.mean(s.service(), Signal.SERVER_LATENCY, 0, 1), 1e-9);
      }
    }
    assertTrue(w.of("rate").successRate() < 0.7, "half the calls into rate fail");
  }
}
