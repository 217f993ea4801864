package dev.trimtab.cli.rca;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.telemetry.LogRecorder;
import dev.trimtab.env.telemetry.SimulatedLogRecord;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.rca.data.SimulatedTelemetry;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.io.SpanDataImport;
import dev.trimtab.rca.model.ModelFile;
import dev.trimtab.rca.model.RcaModel;
import dev.trimtab.rca.telemetry.Drain;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.telemetry.ServiceSignals;
import dev.trimtab.rca.telemetry.WindowSignals;
import dev.trimtab.rca.trace.Trace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code trimtab bench rca}: wall time to rank one window of traces, from whole traces to a ranking
 * (critical paths, statistics, features, scores), on one thread.
 */
@Command(
    name = "rca",
    sortOptions = false,
    description = {
      "Benchmark, not a test: time to rank one window of --traces traces of --topology, with"
          + " the interval's metrics and the services' logs (critical paths, statistics, metric"
          + " and log aggregates, features and SVM scores), on one thread. Logs come mined, as"
          + " the importers deliver them; Drain's mining time is reported apart. Prints one JSON"
          + " line.",
      ""
    })
public final class BenchRcaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file.")
  Path model;

  @Option(
      names = "--topology",
      defaultValue = "social-network",
      paramLabel = "NAME|FILE",
      description = "Topology (default: ${DEFAULT-VALUE}).")
  String topology;

  @Option(
      names = "--traces",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Traces per window, "
              + MIN_TRACES
              + " to "
              + MAX_TRACES
              + " (default: ${DEFAULT-VALUE}).")
  int traces;

  /** Fewest traces per window: fewer make features meaningless. */
  static final int MIN_TRACES = 10;

  /**
   * Most traces per window: twice this many traces are simulated and held (about 1 GB of spans on
   * the largest bundled topology); a window of the real datasets holds a few hundred.
   */
  static final int MAX_TRACES = 20_000;

  static final int MAX_REPEAT = 10_000;

  @Option(
      names = "--repeat",
      defaultValue = "50",
      paramLabel = "N",
      description =
          "Windows timed, after as many untimed, 1 to "
              + MAX_REPEAT
              + " (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (traces < MIN_TRACES || traces > MAX_TRACES) {
      throw new ParameterException(
          spec.commandLine(),
          "--traces " + traces + " is out of range: " + MIN_TRACES + " to " + MAX_TRACES);
    }
    if (repeat < 1 || repeat > MAX_REPEAT) {
      throw new ParameterException(
          spec.commandLine(), "--repeat " + repeat + " is out of range: 1 to " + MAX_REPEAT);
    }
    RcaModel m = ModelFile.read(Inputs.resolve(model));
    return bench(m); // an OutOfMemoryError becomes one line in TrimtabCli, as for every command
  }

  /** The interval's metrics and the logs of [from, to): one window's evidence. */
  private static WindowSignals withLogs(IntervalMetrics m, LogEvents logs, long from, long to) {
    WindowSignals metrics = SimulatedTelemetry.signals(List.of(m), List.of());
    WindowSignals l = WindowSignals.of(MetricSeries.EMPTY, logs, from, to);
    java.util.Map<String, ServiceSignals> both = new java.util.LinkedHashMap<>();
    for (var e : metrics.services().entrySet()) {
      ServiceSignals x = e.getValue();
      both.put(
          e.getKey(),
          new ServiceSignals(
              x.cpu(),
              x.memory(),
              x.successRate(),
              x.serverLatencyS(),
              x.clientLatencyS(),
              x.workloadPerS(),
              l.of(e.getKey()).logs()));
    }
    return new WindowSignals(metrics.durationS(), true, true, both);
  }

  private int bench(RcaModel m) {
    var topo = Topologies.resolve(topology);
    Simulation sim =
        Simulation.create(topo, WorkloadLoader.parseSpec("poisson:rate=500", Path.of(".")), seed);
    SpanRecorder rec = new SpanRecorder(5_000_000);
    LogRecorder logRec = new LogRecorder(10_000_000);
    sim.traceTo(LogRecorder.tee(rec, logRec), 1.0);
    double halfMs = Math.ceil(traces / 500.0) * 1000 + 500;
    IntervalMetrics first = sim.runFor(halfMs);
    IntervalMetrics second = sim.runFor(halfMs);
    List<Trace> all = SpanDataImport.traces(rec.drain()).traces();
    if (all.size() < 2 * traces) {
      throw new IllegalStateException("simulated only " + all.size() + " traces");
    }
    List<Trace> reference = new ArrayList<>(all.subList(0, traces));
    List<Trace> window = new ArrayList<>(all.subList(all.size() - traces, all.size()));
    // logs arrive mined (the importer runs Drain as it reads): mining is timed apart
    List<SimulatedLogRecord> records = logRec.drain();
    long m0 = System.nanoTime();
    LogEvents logs = SimulatedTelemetry.logs(records, Drain.defaults());
    double miningMsPer1000Lines = (System.nanoTime() - m0) / 1e6 / records.size() * 1000;
    long split =
        SpanRecorder.DEFAULT_EPOCH.getEpochSecond() * 1_000_000_000L + Math.round(halfMs * 1e6);
    WindowStats ref =
        WindowStats.of(reference).withSignals(withLogs(first, logs, Long.MIN_VALUE, split));
    long spans = window.stream().mapToLong(Trace::size).sum();
    long sink = 0;
    for (int i = 0; i < repeat; i++) {
      sink +=
          m.rank(
                  WindowStats.of(window).withSignals(withLogs(second, logs, split, Long.MAX_VALUE)),
                  ref)
              .services()
              .size();
    }
    double[] ms = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      WindowStats now =
          WindowStats.of(window).withSignals(withLogs(second, logs, split, Long.MAX_VALUE));
      sink += m.rank(now, ref).services().size();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    double mean = Arrays.stream(ms).average().orElse(0);
    Arrays.sort(ms);
    spec.commandLine()
        .getOut()
        .println(
            String.format(
                Locale.ROOT,
                "{\"bench\":\"rca\",\"topology\":\"%s\",\"traces_per_window\":%d,"
                    + "\"spans_per_window\":%d,\"model_kind\":\"%s\",\"support_vectors\":%d,"
                    + "\"windows\":%d,\"ms_per_window\":%.3f,\"ms_p50\":%.3f,\"ms_max\":%.3f,"
                    + "\"log_lines\":%d,\"mining_ms_per_1000_lines\":%.3f,\"jdk\":\"%s\"}",
                topo.name(),
                traces,
                spans,
                m.kind().id(),
                m.supportVectors().length,
                repeat,
                mean,
                ms[repeat / 2],
                ms[repeat - 1],
                records.size(),
                miningMsPer1000Lines,
                System.getProperty("java.version")));
    return sink > 0 ? 0 : 1;
  }
}
