package dev.trimtab.cli;

import dev.trimtab.agents.baselines.Baselines;
import dev.trimtab.cli.control.ControllerName;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.AtomicFile;
import dev.trimtab.cli.output.IntervalCsv;
import dev.trimtab.cli.output.Json;
import dev.trimtab.cli.output.RunConfig;
import dev.trimtab.cli.output.RunHeader;
import dev.trimtab.cli.output.RunReport;
import dev.trimtab.cli.output.SummaryJson;
import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.inject.SimulatedInjector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab inject}: a {@code sim} run with a fault campaign applied, plus its labels. */
@Command(
    name = "inject",
    sortOptions = false,
    description = {
      "Run the simulated cluster with a fault campaign (docs/formats/faults.md) and write the"
          + " sim run files plus ground-truth.json, the faults as injected (services resolved).",
      ""
    })
final class InjectCommand implements Callable<Integer> {
  static final String GROUND_TRUTH_FILE = "ground-truth.json";

  @Spec CommandSpec spec;

  @Option(names = "--faults", required = true, paramLabel = "FILE", description = "Campaign file.")
  Path faults;

  @Option(
      names = "--topology",
      required = true,
      paramLabel = "NAME|FILE",
      description = "A bundled topology name or a topology YAML file.")
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
      description = "Simulated time to run, e.g. 300s.")
  SimDuration duration;

  @Option(names = "--seed", required = true, paramLabel = "N", description = "Root seed.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run folder.")
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
      converter = ControllerName.class,
      description =
          "Who changes allocations between intervals: static (default), hpa, vpa or aimd"
              + " (docs/baselines.md).")
  String controller;

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
    Campaign campaign = CampaignLoader.load(Inputs.workingDir().resolve(faults));
    Topology topo = Inputs.topology(topology);
    Workload load = Inputs.workload(workload);
    Path dir = Inputs.workingDir().resolve(out);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " is not a folder");
    }
    Files.createDirectories(dir);
    Simulation sim = Simulation.create(topo, load, seed);
    String version = VersionInfo.version();
    AtomicFile.write(dir.resolve(RunConfig.FILE), config(topo, load).toJson(version));
    RunReport report = new RunReport(topo);
    IntervalPlan intervals = new IntervalPlan(duration.millis(), interval.millis());
    Controller control = Baselines.create(controller);
    control.reset(sim);
    List<GroundTruth> truth;
    try (SimulatedInjector injector = attach(sim, campaign);
        IntervalCsv csv = IntervalCsv.open(dir);
        Progress progress = Progress.start("inject", Math.round(duration.seconds()), quiet)) {
      truth = injector.groundTruth();
      for (long i = 0; i < intervals.count(); i++) {
        IntervalMetrics metrics = sim.runFor(intervals.stepMs(i));
        injector.observe(metrics);
        csv.append(metrics);
        report.accept(metrics);
        control.act(metrics, sim);
        progress.stepTo((long) (sim.nowMs() / 1000));
      }
      csv.commit();
    }
    RunSummary summary = sim.summary();
    RunHeader header =
        new RunHeader(
            topo.name(), load.describe(), seed, duration.seconds(), interval.seconds(), controller);
    AtomicFile.write(dir.resolve(SummaryJson.FILE), SummaryJson.render(header, summary, version));
    AtomicFile.write(dir.resolve(GROUND_TRUTH_FILE), groundTruthJson(campaign, truth));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(report.render(header, summary, sim::sloViolationSeconds));
    stdout.println("faults: " + truth.size() + " from campaign " + campaign.name());
    stdout.println("run files: " + dir);
    stdout.flush();
    return TrimtabCli.OK;
  }

  private SimulatedInjector attach(Simulation sim, Campaign campaign) {
    try {
      return SimulatedInjector.attach(sim, campaign, seed);
    } catch (IllegalArgumentException e) {
      throw new dev.trimtab.env.config.ConfigException(faults.toString(), "", e.getMessage());
    }
  }

  /** The injected faults, services resolved, times in simulated seconds. */
  static String groundTruthJson(Campaign campaign, List<GroundTruth> truth) {
    return Json.pretty(
        out -> {
          out.writeStringField("campaign", campaign.name());
          out.writeArrayFieldStart("faults");
          for (GroundTruth t : truth) {
            out.writeStartObject();
            out.writeNumberField("index", t.faultIndex());
            out.writeStringField("kind", t.kind().yamlName());
            out.writeArrayFieldStart("services");
            for (String s : t.services()) {
              out.writeString(s);
            }
            out.writeEndArray();
            Json.compact(out, "start_s", t.startMs() / 1000);
            Json.compact(out, "end_s", t.endMs() / 1000);
            Json.compact(out, "intensity", t.intensity());
            out.writeEndObject();
          }
          out.writeEndArray();
        });
  }

  private RunConfig config(Topology topo, Workload load) {
    return new RunConfig(
        "inject",
        topology,
        topo.name(),
        workload,
        load.describe(),
        seed,
        duration.text(),
        duration.seconds(),
        interval.text(),
        interval.seconds(),
        controller,
        Inputs.workingDir().toString(),
        spec.root().commandLine().getParseResult().originalArgs());
  }
}
