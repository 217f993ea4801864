package dev.trimtab.cli;

import dev.trimtab.cli.budget.Resources;
import dev.trimtab.cli.budget.RunShape;
import dev.trimtab.cli.budget.WorkLimits;
import dev.trimtab.cli.eval.ControllerRegistry;
import dev.trimtab.cli.eval.EvalFolder;
import dev.trimtab.cli.eval.EvalIdentity;
import dev.trimtab.cli.eval.EvalPlan;
import dev.trimtab.cli.eval.EvalRun;
import dev.trimtab.cli.eval.Evaluation;
import dev.trimtab.cli.eval.Leaderboard;
import dev.trimtab.cli.eval.LeaderboardJson;
import dev.trimtab.cli.eval.LeaderboardMarkdown;
import dev.trimtab.cli.eval.LocalizerChoice;
import dev.trimtab.cli.eval.Report;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.OutputPaths;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.io.PartialFiles;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.Suite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      "Each run is saved to --out/runs/ as it ends; --resume skips the runs saved there.",
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
      description =
          "Output folder; created if missing. The files eval owns in it (leaderboards, report,"
              + " plots/*.png, runs/*.json) are replaced; others are left alone.")
  Path out;

  @Option(
      names = "--resume",
      description =
          "Keep the runs already saved in --out by an interrupted eval of the same suite,"
              + " controllers, seeds, localizer and code, and run only the others; the results"
              + " are byte-identical to an uninterrupted eval.")
  boolean resume;

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
      if (resume) {
        throw new ParameterException(
            spec.commandLine(),
            "--resume works with --backend sim only: live runs play in wall-clock time and are"
                + " not reproducible, so saved live runs cannot stand for new ones");
      }
      n = LiveEvalBackend.threads(spec.commandLine(), threads);
    }
    Path dir = Inputs.workingDir().resolve(out).toAbsolutePath().normalize();
    OutputPaths.checkFolder("--out", out.toString(), dir)
        .ifPresent(
            m -> {
              throw new BadInput(m);
            });
    EvalFolder folder = new EvalFolder(dir);
    Optional<PartialFiles.Found> busy = folder.liveWriter();
    if (busy.isPresent()) {
      throw new BadInput(
          "--out "
              + out
              + " is in use: another trimtab eval (process "
              + busy.get().pid()
              + ") is writing there; wait for it or choose another folder");
    }
    Suite loaded = Inputs.suite(suite);
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
    checkWork(plan, dir);
    String version = VersionInfo.version();
    EvalIdentity identity = EvalIdentity.of(plan, version);
    String planId = identity.id();
    Map<EvalRun.Key, EvalRun> done = resume ? savedRuns(folder, plan, identity) : Map.of();

    PrintWriter err = spec.commandLine().getErr();
    if (!resume && Files.isDirectory(dir)) {
      int saved = folder.savedRunCount();
      if (saved > 0) {
        note(
            err,
            "starting over in "
                + dir
                + ": "
                + saved
                + " saved runs removed (--resume keeps"
                + " the runs of an interrupted eval)");
      }
      folder.clear();
    }
    Files.createDirectories(dir);
    int stale = folder.removeStalePartials();
    if (stale > 0) {
      note(err, "removed " + stale + " unfinished files a killed eval left in " + dir);
    }
    folder.start(identity);
    if (resume) {
      note(
          err,
          done.isEmpty()
              ? "nothing to resume in " + dir + "; running all " + plan.runs() + " runs"
              : "resuming: " + done.size() + " of " + plan.runs() + " runs saved in " + dir);
    }

    long started = System.nanoTime();
    List<EvalRun> runs;
    try (LiveEvalBackend live =
            backend.equals("live") ? LiveEvalBackend.start(loaded, spec.commandLine()) : null;
        Progress progress = Progress.start("eval", plan.runs(), " runs", quiet)) {
      progress.stepBy(done.size());
      runs =
          Evaluation.run(
              plan,
              registry,
              live == null ? Evaluation.SIMULATED : live::run,
              done,
              run -> {
                try {
                  folder.save(run, planId);
                } catch (IOException e) {
                  throw new UncheckedIOException("cannot save run " + run.key(), e);
                }
                progress.step();
              });
    }
    Leaderboard board = Leaderboard.of(plan, runs);
    AtomicFile.write(dir.resolve(LeaderboardJson.FILE), LeaderboardJson.render(board));
    AtomicFile.write(dir.resolve(LeaderboardMarkdown.FILE), LeaderboardMarkdown.render(board));
    Report.write(board, dir, version);
    double wallS = (System.nanoTime() - started) / 1e9;
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "%s: %d runs (%d problems x %d controllers x %d seeds%s) on %d threads in %.1f s%n",
        loaded.name(),
        plan.runs(),
        loaded.problems().size(),
        controllers.size(),
        seeds.size(),
        done.isEmpty() ? "" : ", " + done.size() + " resumed",
        n,
        wallS);
    stdout.print(LeaderboardMarkdown.summaryTable(board.summaries()));
    stdout.println("leaderboard: " + dir.resolve(LeaderboardJson.FILE));
    stdout.println("report:      " + dir.resolve(Report.FILE));
    stdout.flush();
    return TrimtabCli.OK;
  }

  /** The work of every run, checked before any is made (see {@link WorkLimits}). */
  private void checkWork(EvalPlan plan, Path dir) {
    List<RunShape> shapes = new ArrayList<>();
    for (Problem p : plan.suite().problems()) {
      String where = "problem " + p.name() + " (" + p.source() + ")";
      shapes.add(
          new RunShape(
              p.topology(),
              p.workload(),
              p.durationS(),
              p.intervalS(),
              plan.localizer().spanSampling(),
              RunShape.Keeps.SAMPLES,
              new RunShape.Names(
                  where,
                  "durationS " + Numbers.compact(p.durationS()),
                  "intervalS " + Numbers.compact(p.intervalS()),
                  "workload " + p.workloadRef(),
                  "topology " + p.topologyRef(),
                  "--localizer " + localizer)));
    }
    WorkLimits.checkAll(
            shapes,
            plan.controllers().size() * plan.seeds().size(),
            plan.threads(),
            Resources.here(dir))
        .ifPresent(
            m -> {
              throw new BadInput(m);
            });
  }

  /** The runs saved in {@code folder} by the same evaluation; refuses those of another. */
  private Map<EvalRun.Key, EvalRun> savedRuns(
      EvalFolder folder, EvalPlan plan, EvalIdentity identity) throws IOException {
    Optional<EvalIdentity> saved;
    try {
      saved = folder.savedIdentity();
    } catch (IllegalArgumentException e) {
      throw new BadInput(
          "--resume: "
              + folder.dir().resolve(EvalFolder.RUNS).resolve(EvalFolder.PLAN)
              + " is "
              + e.getMessage()
              + "; run without --resume to start over");
    }
    if (saved.isEmpty()) {
      if (folder.savedRunCount() > 0) {
        throw new BadInput(
            "--resume: the runs saved in "
                + folder.dir()
                + " have no runs/plan.json to say which"
                + " evaluation made them; run without --resume to start over");
      }
      return Map.of();
    }
    Optional<String> difference = identity.differenceFrom(saved.get());
    if (difference.isPresent()) {
      throw new BadInput(
          "--resume: the runs saved in "
              + folder.dir()
              + " come from another evaluation ("
              + difference.get()
              + "); run without --resume to start over, or choose another --out");
    }
    try {
      return folder.load(plan, identity.id());
    } catch (IllegalArgumentException e) {
      throw new BadInput(
          "--resume: "
              + e.getMessage()
              + "; delete that file to run it again, or run without"
              + " --resume to start over");
    }
  }

  private static void note(PrintWriter err, String message) {
    err.println("trimtab: " + message);
    err.flush();
  }
}
