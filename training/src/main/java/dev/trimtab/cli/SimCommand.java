package dev.trimtab.cli;

import dev.trimtab.cli.control.ControllerName;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.RunConfig;
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

  @Override
  public Integer call() throws IOException {
    if (interval.millis() > duration.millis()) {
      throw new ParameterException(
          spec.commandLine(), "--interval " + interval + " is longer than --duration " + duration);
    }
    Topology topo = Inputs.topology(topology);
    Workload load = Inputs.workload(workload);
    if (!(spanSampling >= 0 && spanSampling <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--span-sampling must be between 0 and 1, got " + spanSampling);
    }
    SimRun.Plan plan =
        new SimRun.Plan(
            topo,
            load,
            seed,
            duration,
            interval,
            controller,
            Inputs.carbon(carbon),
            spans == null ? null : Inputs.workingDir().resolve(spans),
            spanSampling);
    Path dir = runFolder();
    SimRun.Result result = SimRun.execute(plan, config(topo, load), dir, quiet);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(result.report());
    stdout.println("run files: " + dir);
    stdout.flush();
    return TrimtabCli.OK;
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
        controller,
        Inputs.workingDir().toString(),
        spec.root().commandLine().getParseResult().originalArgs());
  }
}
