package dev.trimtab.cli.rca;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.data.DatasetFolder;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.LoadProgress;
import dev.trimtab.rca.data.Scenario;
import dev.trimtab.rca.data.ScenarioLoader;
import dev.trimtab.rca.data.ScenarioRuns;
import dev.trimtab.rca.data.SimulatedWindows;
import dev.trimtab.rca.data.Source;
import dev.trimtab.rca.data.SuiteScenarios;
import dev.trimtab.rca.trace.TraceFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where labelled windows come from: dataset folders (any number), simulated scenarios with seeds, a
 * suite's localization problems, or several of these at once.
 */
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
      description =
          "A labelled dataset folder (labels.json) or a Nezha dataset folder; repeat it for"
              + " several.")
  List<Path> datasets = new ArrayList<>();

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

  /** A one-line description of the data, for reports (paths as the user gave them). */
  String describe() {
    List<String> parts = new ArrayList<>();
    for (Path d : datasets) {
      parts.add("dataset " + d);
    }
    if (suite != null) {
      parts.add("suite " + suite + " seeds " + seeds);
    }
    if (generate != null) {
      parts.add(generate + " seeds " + seeds);
    }
    return String.join(" + ", parts);
  }

  /** Every source, datasets first, each checked before any is read. */
  List<Source> sources(CommandSpec spec, LoadProgress progress) {
    if (datasets.isEmpty() && generate == null && suite == null) {
      throw new ParameterException(
          spec.commandLine(),
          "give at least one source of labelled windows: --dataset DIR (repeatable),"
              + " --generate NAME|FILE or --suite NAME|DIR (each with --seeds)");
    }
    if ((generate != null || suite != null) && seeds == null) {
      throw new ParameterException(spec.commandLine(), "--suite and --generate need --seeds");
    }
    if (generate == null && suite == null && seeds != null) {
      throw new ParameterException(spec.commandLine(), "--seeds needs --suite or --generate");
    }
    List<Long> seedList = seeds == null ? List.of() : parseSeeds(spec, seeds);
    for (Path d : datasets) {
      if (!java.nio.file.Files.isDirectory(Inputs.resolve(d))) {
        throw new ParameterException(spec.commandLine(), "--dataset " + d + " is not a folder");
      }
    }
    List<Source> out = new ArrayList<>();
    for (Path d : datasets) {
      Path dir = Inputs.resolve(d);
      try {
        out.add(new Source(dir.getFileName().toString(), false, DatasetFolder.load(dir, progress)));
      } catch (TraceFormatException e) {
        throw new ConfigException(e.source(), e.where(), e.problem());
      }
    }
    if (suite != null) {
      out.add(
          new Source(
              "suite " + suite,
              true,
              simulated(spec, SuiteScenarios.localization(suite), seedList, progress)));
    }
    if (generate != null) {
      String scenarios =
          ScenarioLoader.BUNDLED.contains(generate)
              ? generate
              : Inputs.resolve(Path.of(generate)).toString();
      out.add(
          new Source(
              generate,
              true,
              simulated(spec, ScenarioLoader.resolve(scenarios), seedList, progress)));
    }
    return out;
  }

  /** Every window of every source. */
  static List<LabelledWindow> windows(List<Source> sources) {
    List<LabelledWindow> out = new ArrayList<>();
    sources.forEach(s -> out.addAll(s.windows()));
    return out;
  }

  private List<LabelledWindow> simulated(
      CommandSpec spec, List<Scenario> scenarios, List<Long> seedList, LoadProgress progress) {
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
    return ScenarioRuns.windows(scenarios, seedList, o, threads, progress);
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
