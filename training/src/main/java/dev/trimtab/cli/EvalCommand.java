package dev.trimtab.cli;

import dev.trimtab.cli.eval.ControllerRegistry;
import dev.trimtab.cli.eval.EvalPlan;
import dev.trimtab.cli.eval.Evaluation;
import dev.trimtab.cli.eval.Leaderboard;
import dev.trimtab.cli.eval.LeaderboardJson;
import dev.trimtab.cli.eval.LeaderboardMarkdown;
import dev.trimtab.cli.eval.LocalizerChoice;
import dev.trimtab.cli.eval.Report;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.faults.problem.Suite;
import dev.trimtab.faults.problem.Suites;
import dev.trimtab.faults.score.ProblemOutcome;
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

/** {@code trimtab eval}: a suite × controllers × seeds, into a leaderboard and a report. */
@Command(
    name = "eval",
    sortOptions = false,
    description = {
      "Run every problem of a suite with every controller and seed, in parallel, and write"
          + " leaderboard.json, leaderboard.md and report.html (with plots) to --out.",
      "The same suite, controllers and seeds give a byte-identical leaderboard.",
      ""
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--suite",
      required = true,
      paramLabel = "NAME|DIR",
      description =
          "A bundled suite (chaos-basic, chaos-ood; live-basic for --backend live) or a folder of"
              + " problem files.")
  String suite;

  @Option(
      names = "--controllers",
      required = true,
      split = ",",
      paramLabel = "NAME[,NAME...]",
      description = "Controllers to compare, e.g. static (see --help of sim for the names).")
  List<String> controllers;

  @Option(
      names = "--seeds",
      required = true,
      split = ",",
      paramLabel = "N[,N...]",
      description = "Seeds; each problem runs once per controller and seed.")
  List<Long> seeds;

  @Option(
      names = "--localizer",
      paramLabel = "latency|rca:MODEL",
      defaultValue = "latency",
      description =
          "Who ranks suspects in localization problems: latency (the service whose latency rose"
              + " most, from metrics; the default) or rca:MODEL, the SVM analyser with a model"
              + " file from 'trimtab rca train', reading traces of half the requests.")
  String localizer;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder; created if missing, its eval files replaced.")
  Path out;

  @Option(
      names = "--backend",
      defaultValue = "sim",
      paramLabel = "sim|live",
      description =
          "Where runs play: sim (the simulator, the default) or live (the live testbed: real"
              + " services on this machine, one run at a time, in wall-clock time; docs/testbed.md).")
  String backend;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Runs at once (default: the machine's cores). Results do not depend on it.")
  Integer threads;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  /** Where controllers come from; tests put their own here. */
  ControllerRegistry registry = ControllerRegistry.cli();

  @Override
  public Integer call() throws IOException {
    List<String> known = registry.names();
    for (String c : controllers) {
      if (!known.contains(c)) {
        throw new ParameterException(
            spec.commandLine(),
            "unknown controller '" + c + "' in --controllers; known: " + String.join(", ", known));
      }
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + n);
    }
    if (!backend.equals("sim") && !backend.equals("live")) {
      throw new ParameterException(
          spec.commandLine(), "unknown --backend '" + backend + "'; allowed: sim, live");
    }
    if (backend.equals("live")) {
      n = LiveEvalBackend.threads(spec.commandLine(), threads);
    }
    Suite loaded = Suites.resolve(suite);
    LocalizerChoice localizers;
    try {
      localizers = LocalizerChoice.parse(localizer, Inputs.workingDir());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--localizer: " + e.getMessage());
    }
    EvalPlan plan;
    try {
      plan = new EvalPlan(loaded, controllers, seeds, n, localizers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Path dir = Inputs.workingDir().resolve(out);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " is not a folder");
    }
    Files.createDirectories(dir);
    long started = System.nanoTime();
    List<ProblemOutcome> outcomes;
    try (LiveEvalBackend live =
            backend.equals("live") ? LiveEvalBackend.start(loaded, spec.commandLine()) : null;
        Progress progress = Progress.start("eval", plan.runs(), " runs", quiet)) {
      Evaluation.Backend runner = live == null ? Evaluation.SIMULATED : live::run;
      outcomes = Evaluation.run(plan, registry, runner, progress::step);
    }
    Leaderboard board = Leaderboard.of(plan, outcomes);
    AtomicFile.write(dir.resolve(LeaderboardJson.FILE), LeaderboardJson.render(board));
    AtomicFile.write(dir.resolve(LeaderboardMarkdown.FILE), LeaderboardMarkdown.render(board));
    Report.write(board, dir, VersionInfo.version());
    double wallS = (System.nanoTime() - started) / 1e9;
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "%s: %d runs (%d problems x %d controllers x %d seeds) on %d threads in %.1f s%n",
        loaded.name(),
        plan.runs(),
        loaded.problems().size(),
        controllers.size(),
        seeds.size(),
        n,
        wallS);
    stdout.print(LeaderboardMarkdown.summaryTable(board.summaries()));
    stdout.println("leaderboard: " + dir.resolve(LeaderboardJson.FILE));
    stdout.println("report:      " + dir.resolve(Report.FILE));
    stdout.flush();
    return TrimtabCli.OK;
  }
}
