package dev.trimtab.cli;

import dev.trimtab.agents.baselines.Baselines;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.IntervalCsv;
import dev.trimtab.cli.output.RunConfig;
import dev.trimtab.cli.output.RunHeader;
import dev.trimtab.cli.output.RunReport;
import dev.trimtab.cli.output.SummaryJson;
import dev.trimtab.env.control.Controller;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.power.CarbonIntensity;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.telemetry.TraceExport;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One simulated run written to a run folder: config.json first (so a run that fails midway still
 * says what it was), then metrics.csv and endpoints.csv as the run goes, then summary.json.
 */
final class SimRun {
  /**
   * What to run; {@code controller} is a name from {@link Baselines#names()}.
   *
   * @param carbon grid intensity over simulated time
   * @param spansFile where to write OTLP JSON spans, or null for none
   * @param spanSampling share of requests traced (head sampling) when {@code spansFile} is set
   */
  record Plan(
      Topology topology,
      Workload workload,
      long seed,
      SimDuration duration,
      SimDuration interval,
      String controller,
      CarbonIntensity carbon,
      Path spansFile,
      double spanSampling) {

    /** The default grid intensity and no spans. */
    Plan(
        Topology topology,
        Workload workload,
        long seed,
        SimDuration duration,
        SimDuration interval,
        String controller) {
      this(
          topology,
          workload,
          seed,
          duration,
          interval,
          controller,
          CarbonIntensity.constant(Simulation.DEFAULT_CARBON_G_PER_KWH),
          null,
          0);
    }
  }

  /** What came out: the run's summary and the table to print. */
  record Result(RunSummary summary, String report) {}

  /**
   * Something attached to the simulation for the whole run (a fault injector): it sees each
   * interval's metrics before the controller acts on them, and is closed after the last interval,
   * also when the run fails.
   */
  interface Attachment extends AutoCloseable {
    void observe(IntervalMetrics metrics);

    @Override
    void close();

    /** Nothing attached. */
    Attachment NONE = of(metrics -> {}, () -> {});

    /** An attachment from its two parts. */
    static Attachment of(Consumer<IntervalMetrics> observe, Runnable close) {
      return new Attachment() {
        @Override
        public void observe(IntervalMetrics metrics) {
          observe.accept(metrics);
        }

        @Override
        public void close() {
          close.run();
        }
      };
    }
  }

  private SimRun() {}

  /** Runs {@code plan} into {@code dir}, which must exist. */
  static Result execute(Plan plan, RunConfig config, Path dir, boolean quiet) throws IOException {
    return execute(plan, config, dir, quiet, sim -> Attachment.NONE);
  }

  /**
   * Runs {@code plan} into {@code dir} with what {@code attach} attaches to the new simulation
   * before its first interval.
   */
  static Result execute(
      Plan plan, RunConfig config, Path dir, boolean quiet, Function<Simulation, Attachment> attach)
      throws IOException {
    Simulation sim = Simulation.create(plan.topology(), plan.workload(), plan.seed());
    sim.setCarbonIntensity(plan.carbon());
    String version = VersionInfo.version();
    AtomicFile.write(dir.resolve(RunConfig.FILE), config.toJson(version));
    RunReport report = new RunReport(plan.topology());
    try (Attachment attached = attach.apply(sim)) {
      if (plan.spansFile() == null) {
        runIntervals(plan, config.command(), sim, dir, report, quiet, attached, () -> {});
      } else {
        try (TraceExport spans = TraceExport.start(sim, plan.spansFile(), plan.spanSampling())) {
          runIntervals(plan, config.command(), sim, dir, report, quiet, attached, spans::flush);
        }
      }
    }
    RunSummary summary = sim.summary();
    RunHeader header =
        new RunHeader(
            plan.topology().name(),
            plan.workload().describe(),
            plan.seed(),
            plan.duration().seconds(),
            plan.interval().seconds(),
            plan.controller());
    AtomicFile.write(dir.resolve(SummaryJson.FILE), SummaryJson.render(header, summary, version));
    return new Result(summary, report.render(header, summary, sim::sloViolationSeconds));
  }

  private static void runIntervals(
      Plan plan,
      String label,
      Simulation sim,
      Path dir,
      RunReport report,
      boolean quiet,
      Attachment attached,
      Runnable afterInterval)
      throws IOException {
    IntervalPlan intervals = new IntervalPlan(plan.duration().millis(), plan.interval().millis());
    Controller controller = Baselines.create(plan.controller());
    controller.reset(sim);
    long totalS = Math.round(plan.duration().seconds());
    try (IntervalCsv csv = IntervalCsv.open(dir);
        Progress progress = Progress.start(label, totalS, quiet)) {
      for (long i = 0; i < intervals.count(); i++) {
        IntervalMetrics metrics = sim.runFor(intervals.stepMs(i));
        attached.observe(metrics);
        csv.append(metrics);
        report.accept(metrics);
        controller.act(metrics, sim);
        afterInterval.run();
        progress.stepTo((long) (sim.nowMs() / 1000));
      }
      csv.commit();
    }
  }
}
