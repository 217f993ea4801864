package dev.trimtab.cli;

import dev.trimtab.cli.control.Controller;
import dev.trimtab.cli.control.ControllerChoice;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.AtomicFile;
import dev.trimtab.cli.output.IntervalCsv;
import dev.trimtab.cli.output.RunConfig;
import dev.trimtab.cli.output.RunHeader;
import dev.trimtab.cli.output.RunReport;
import dev.trimtab.cli.output.SummaryJson;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab sim}: one simulated run, interval by interval, written to a run folder. */
@Command(
    name = "sim",
    sortOptions = false,
    description = {
      "Run the simulated cluster under a workload and write a run folder.",
      "Advances the simulation one control interval at a time and writes metrics.csv,"
          + " endpoints.csv, summary.json and config.json to the --out folder.",
      "The same inputs and seed give byte-identical files.",
      ""
    })
final class SimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--topology",
      required = true,
      paramLabel = "NAME|FILE",
      description = "A bundled topology name (e.g. social-network) or a topology YAML file.")
  String topology;

  @Option(
      names = "--workload",
      required = true,
      paramLabel = "FILE|SPEC",
      description = "A workload YAML file or a one-line spec, e.g. poisson:rate=200.")
  String workload;

  @Option(
      names = "--duration",
      required = true,
      paramLabel = "TIME",
      converter = SimDuration.Converter.class,
      description = "Simulated time to run: a number and ms, s, m or h (e.g. 600s, 10m).")
  SimDuration duration;

  @Option(
      names = "--seed",
      required = true,
      description = "Root seed for all randomness (required: runs never seed from the clock).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Run folder; created if missing, run files in it are replaced.")
  Path out;

  @Option(
      names = "--interval",
      defaultValue = "1s",
      paramLabel = "TIME",
      converter = SimDuration.Converter.class,
      description = "Control interval (default: ${DEFAULT-VALUE}).")
  SimDuration interval;

  @Option(
      names = "--controller",
      defaultValue = "static",
      paramLabel = "NAME",
      converter = ControllerChoice.Converter.class,
      description =
          "Who changes allocations between intervals: static (default) keeps the"
              + " topology's initial allocation.")
  ControllerChoice controller;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    if (interval.millis() > duration.millis()) {
      throw new ParameterException(
          spec.commandLine(), "--interval " + interval + " is longer than --duration " + duration);
    }
    Topology topo = Inputs.topology(topology);
    Workload load = Inputs.workload(workload);
    Simulation sim = Simulation.create(topo, load, seed);
    Path dir = runFolder();
    String version = VersionInfo.version();
    AtomicFile.write(dir.resolve(RunConfig.FILE), config(topo, load).toJson(version));
    RunReport report = new RunReport(topo);
    run(sim, controller.create(), dir, report);
    RunSummary summary = sim.summary();
    RunHeader header =
        new RunHeader(
            topo.name(),
            load.describe(),
            seed,
            duration.seconds(),
            interval.seconds(),
            controller.cliName());
    AtomicFile.write(dir.resolve(SummaryJson.FILE), SummaryJson.render(header, summary, version));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(report.render(header, summary, sim::sloViolationSeconds));
    stdout.println("run files: " + dir);
    stdout.flush();
    return TrimtabCli.OK;
  }

  private void run(Simulation sim, Controller control, Path dir, RunReport report)
      throws IOException {
    IntervalPlan plan = new IntervalPlan(duration.millis(), interval.millis());
    try (IntervalCsv csv = IntervalCsv.open(dir);
        Progress progress = Progress.start("sim", Math.round(duration.seconds()), quiet)) {
      for (long i = 0; i < plan.count(); i++) {
        IntervalMetrics metrics = sim.runFor(plan.stepMs(i));
        csv.append(metrics);
        report.accept(metrics);
        control.act(metrics, sim);
        progress.stepTo((long) (sim.nowMs() / 1000));
      }
      csv.commit();
    }
  }

  private Path runFolder() throws IOException {
    Path dir = Inputs.workingDir().resolve(out);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " is not a folder");
    }
    return Files.createDirectories(dir);
  }

  private RunConfig config(Topology topo, Workload load) {
    return new RunConfig(
        "sim",
        topology,
        topo.name(),
        workload,
        load.describe(),
        seed,
        duration.text(),
        duration.seconds(),
        interval.text(),
        interval.seconds(),
        controller.cliName(),
        Inputs.workingDir().toString(),
        spec.root().commandLine().getParseResult().originalArgs());
  }
}
