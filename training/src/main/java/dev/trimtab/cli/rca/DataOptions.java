package dev.trimtab.cli.rca;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.data.DatasetFolder;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.LoadProgress;
import dev.trimtab.rca.data.ScenarioLoader;
import dev.trimtab.rca.data.ScenarioRuns;
import dev.trimtab.rca.data.SimulatedWindows;
import dev.trimtab.rca.data.SuiteScenarios;
import dev.trimtab.rca.trace.TraceFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where labelled windows come from: simulated scenarios with seeds, or a dataset folder. */
final class DataOptions {
  @Option(
      names = "--generate",
      paramLabel = "NAME|FILE",
      description =
          "Simulate the scenarios of a scenario file, or a bundled list (sim-train, loc-basic),"
              + " once per seed of --seeds.")
  String generate;

  @Option(
      names = "--suite",
      paramLabel = "NAME|DIR",
      description =
          "Simulate the localization problems of a problem suite (chaos-basic, chaos-ood, or a"
              + " folder of problem files), once per seed of --seeds.")
  String suite;

  @Option(
      names = "--seeds",
      paramLabel = "LIST",
      description = "Seeds of the simulated runs: 1-10, 3,5,8 or 1-4,9.")
  String seeds;

  @Option(
      names = "--dataset",
      paramLabel = "DIR",
      description = "A labelled dataset folder (labels.json) or a Nezha dataset folder.")
  Path dataset;

  @Option(
      names = "--sampling",
      defaultValue = "0.5",
      paramLabel = "RATE",
      description = "Share of requests traced in simulated runs (default: ${DEFAULT-VALUE}).")
  double sampling;

  @Option(
      names = "--threads",
      defaultValue = "2",
      paramLabel = "N",
      description = "Simulated runs in parallel (default: ${DEFAULT-VALUE}).")
  int threads;

  /** A one-line description of the data, for reports. */
  String describe() {
    if (dataset != null) {
      return "dataset " + dataset;
    }
    return (suite != null ? "suite " + suite : generate) + " seeds " + seeds;
  }

  List<LabelledWindow> windows(CommandSpec spec, LoadProgress progress) {
    int sources = (dataset == null ? 0 : 1) + (generate == null ? 0 : 1) + (suite == null ? 0 : 1);
    if (sources != 1) {
      throw new ParameterException(
          spec.commandLine(),
          "give exactly one of --suite or --generate (each with --seeds) and --dataset");
    }
    if (dataset != null) {
      try {
        return DatasetFolder.load(Inputs.resolve(dataset), progress);
      } catch (TraceFormatException e) {
        throw new ConfigException(e.source(), e.where(), e.problem());
      }
    }
    if (seeds == null) {
      throw new ParameterException(spec.commandLine(), "--suite and --generate need --seeds");
    }
    SimulatedWindows.Options d = SimulatedWindows.Options.DEFAULT;
    SimulatedWindows.Options o;
    try {
      o =
          new SimulatedWindows.Options(
              sampling,
              d.windowS(),
              d.referenceFromS(),
              d.referenceToS(),
              d.minOverlap(),
              d.minTraces());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--sampling must be in (0, 1]");
    }
    List<Long> seedList = parseSeeds(spec, seeds);
    if (suite != null) {
      return ScenarioRuns.windows(
          SuiteScenarios.localization(suite), seedList, o, threads, progress);
    }
    String scenarios =
        ScenarioLoader.BUNDLED.contains(generate)
            ? generate
            : Inputs.resolve(Path.of(generate)).toString();
    return ScenarioRuns.windows(ScenarioLoader.resolve(scenarios), seedList, o, threads, progress);
  }

  static List<Long> parseSeeds(CommandSpec spec, String text) {
    List<Long> out = new ArrayList<>();
    try {
      for (String part : text.split(",")) {
        String p = part.trim();
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long a = Long.parseLong(p.substring(0, dash).trim());
          long b = Long.parseLong(p.substring(dash + 1).trim());
          if (b < a || b - a > 100_000) {
            throw new NumberFormatException("range " + p);
          }
          for (long s = a; s <= b; s++) {
            out.add(s);
          }
        } else {
          out.add(Long.parseLong(p));
        }
      }
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(), "--seeds must look like 1-10, 3,5,8 or 1-4,9; got '" + text + "'");
    }
    return out;
  }
}
