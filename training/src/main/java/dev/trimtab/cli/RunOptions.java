package dev.trimtab.cli;

import dev.trimtab.cli.control.ControllerName;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.RunConfig;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of one simulated run, shared by {@code sim} and {@code inject} as a picocli mixin so
 * the two take the same flags with the same meaning and checks.
 */
final class RunOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

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
      paramLabel = "N",
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
      converter = ControllerName.class,
      description =
          "Who changes allocations between intervals: static (default) keeps the topology's"
              + " initial allocation; hpa (Kubernetes HPA, replicas), vpa (VPA, limits) and aimd"
              + " (FIRM's AIMD, limits) with their real defaults (docs/baselines.md).")
  String controller;

  @Option(
      names = "--carbon",
      defaultValue = "475",
      paramLabel = "G_PER_KWH|FILE",
      description =
          "Grid carbon intensity: a constant in gCO2/kWh, or a CSV time series (plain or gzip,"
              + " columns Time and Carbon Intensity, as ../shared/data/carbon/gb-2020-ci.csv.gz)"
              + " replayed from its first sample (default: ${DEFAULT-VALUE}, the IEA world"
              + " average).")
  String carbon;

  @Option(
      names = "--spans",
      paramLabel = "FILE",
      description =
          "Also write the sampled requests' spans as OTLP JSON Lines (one"
              + " ExportTraceServiceRequest per line) to FILE.")
  Path spans;

  @Option(
      names = "--span-sampling",
      defaultValue = "0.01",
      paramLabel = "RATE",
      description =
          "Share of requests traced when --spans is given, decided per request on arrival"
              + " (default: ${DEFAULT-VALUE}).")
  double spanSampling;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  /** Checks the flags against each other and loads the inputs into a plan. */
  SimRun.Plan plan() {
    if (interval.millis() > duration.millis()) {
      throw bad("--interval " + interval + " is longer than --duration " + duration);
    }
    if (!(spanSampling >= 0 && spanSampling <= 1)) {
      throw bad("--span-sampling must be between 0 and 1, got " + spanSampling);
    }
    return new SimRun.Plan(
        Inputs.topology(topology),
        Inputs.workload(workload),
        seed,
        duration,
        interval,
        controller,
        Inputs.carbon(carbon),
        spans == null ? null : Inputs.workingDir().resolve(spans),
        spanSampling);
  }

  /** The run folder, created if missing. */
  Path runFolder() throws IOException {
    Path dir = Inputs.workingDir().resolve(out);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw bad("--out " + out + " is not a folder");
    }
    return Files.createDirectories(dir);
  }

  /** What config.json records for this run of {@code command}. */
  RunConfig config(String command, SimRun.Plan plan) {
    Topology topo = plan.topology();
    Workload load = plan.workload();
    return new RunConfig(
        command,
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

  private ParameterException bad(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
