package dev.trimtab.cli;

import dev.trimtab.cli.budget.Resources;
import dev.trimtab.cli.budget.RunShape;
import dev.trimtab.cli.budget.WorkLimits;
import dev.trimtab.cli.control.ControllerName;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.IntervalCsv;
import dev.trimtab.cli.output.IoErrors;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.OutputPaths;
import dev.trimtab.cli.output.RunConfig;
import dev.trimtab.cli.output.SummaryJson;
import dev.trimtab.env.io.PartialFiles;
import dev.trimtab.env.power.CarbonCsv;
import dev.trimtab.env.power.CarbonIntensity;
import dev.trimtab.env.power.CarbonIntensitySeries;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
      description =
          "Run folder; created if missing, run files in it are replaced (unfinished files a"
              + " killed run left there are removed).")
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
              + " replayed from its first sample or from --carbon-start (default:"
              + " ${DEFAULT-VALUE}, the IEA world average).")
  String carbon;

  @Option(
      names = "--carbon-start",
      paramLabel = "TIME",
      description =
          "Where in a --carbon CSV series the run starts, e.g. 2020-07-01T12:00:00Z (ISO-8601, or"
              + " 'yyyy-MM-dd HH:mm:ss' in UTC, or Unix seconds); it must lie within the file"
              + " (default: the file's first sample).")
  String carbonStart;

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

  /** The files a run writes into its folder; {@code inject} adds ground-truth.json. */
  static final Set<String> RUN_FILES =
      Set.of(
          RunConfig.FILE,
          IntervalCsv.METRICS_FILE,
          IntervalCsv.ENDPOINTS_FILE,
          SummaryJson.FILE,
          InjectCommand.GROUND_TRUTH_FILE);

  /**
   * Checks the flags against each other and the output paths, loads the inputs into a plan, and
   * checks the work it implies (see {@link WorkLimits}): all before anything is written.
   */
  SimRun.Plan plan() {
    boolean samplingGiven = spec.commandLine().getParseResult().hasMatchedOption("--span-sampling");
    if (samplingGiven && spans == null) {
      throw new BadInput(
          "--span-sampling needs --spans FILE: it sets the share of requests whose spans are"
              + " written there");
    }
    if (!(spanSampling >= 0 && spanSampling <= 1)) {
      throw bad("--span-sampling must be between 0 and 1, got " + spanSampling);
    }
    if (interval.millis() > duration.millis()) {
      throw bad("--interval " + interval + " is longer than --duration " + duration);
    }
    RunShape.Names names = names();
    WorkLimits.checkTime(names, duration.seconds(), interval.seconds())
        .ifPresent(
            m -> {
              throw new BadInput(m);
            });
    checkOutputs();
    Topology topo = Inputs.topology(topology);
    Workload load = Inputs.workload(workload);
    CarbonIntensity grid = carbon();
    Path spansFile = spans == null ? null : Inputs.workingDir().resolve(spans);
    RunShape shape =
        new RunShape(
            topo,
            load,
            duration.seconds(),
            interval.seconds(),
            spans == null ? 0 : spanSampling,
            RunShape.Keeps.RUN_FILES,
            names);
    WorkLimits.check(shape, Resources.here(outDir()))
        .ifPresent(
            m -> {
              throw new BadInput(m);
            });
    return new SimRun.Plan(
        topo, load, seed, duration, interval, controller, grid, spansFile, spanSampling);
  }

  private RunShape.Names names() {
    return new RunShape.Names(
        "--duration " + duration,
        "--interval " + interval,
        "--workload " + workload,
        "--topology " + topology,
        "--span-sampling " + Numbers.compact(spanSampling));
  }

  private Path outDir() {
    return Inputs.workingDir().resolve(out).toAbsolutePath().normalize();
  }

  /** --out and --spans can be written, and no other run is writing into --out now. */
  private void checkOutputs() {
    OutputPaths.checkFolder("--out", out.toString(), outDir())
        .ifPresent(
            m -> {
              throw new BadInput(m);
            });
    Path dir = outDir();
    if (spans != null) {
      Path file = Inputs.workingDir().resolve(spans).toAbsolutePath().normalize();
      OutputPaths.checkFile("--spans", spans.toString(), file)
          .ifPresent(
              m -> {
                throw new BadInput(m);
              });
      if (dir.equals(file.getParent()) && RUN_FILES.contains(file.getFileName().toString())) {
        throw new BadInput(
            "--spans "
                + spans
                + " is a file the run writes itself; name another, e.g. spans.jsonl");
      }
    }
    try {
      for (PartialFiles.Found f : PartialFiles.find(dir, RUN_FILES::contains)) {
        if (!f.stale()) {
          throw new BadInput(
              "--out "
                  + out
                  + " is in use: another trimtab run (process "
                  + f.pid()
                  + ") is writing "
                  + f.target()
                  + " there; wait for it or choose another folder");
        }
      }
    } catch (IOException e) {
      throw new BadInput("--out " + out + " cannot be read: " + IoErrors.describe(e));
    }
  }

  private CarbonIntensity carbon() {
    CarbonIntensity grid = startAt(Inputs.carbon(carbon));
    if (grid instanceof CarbonIntensitySeries series
        && series.offsetS() + duration.seconds() > series.spanS()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "trimtab: note: the run outlasts --carbon "
              + carbon
              + ", whose last sample is at "
              + Instant.ofEpochSecond(series.lastEpochS())
              + "; that sample's intensity holds after it");
      err.flush();
    }
    return grid;
  }

  private CarbonIntensity startAt(CarbonIntensity grid) {
    if (carbonStart == null) {
      return grid;
    }
    if (!(grid instanceof CarbonIntensitySeries series)) {
      throw new BadInput(
          "--carbon-start needs --carbon FILE, a carbon-intensity series; --carbon "
              + carbon
              + " is a constant");
    }
    long startS;
    try {
      startS = CarbonCsv.parseTime(carbonStart);
    } catch (IllegalArgumentException e) {
      throw new BadInput("--carbon-start " + e.getMessage());
    }
    try {
      return series.startingAt(startS);
    } catch (IllegalArgumentException e) {
      throw new BadInput(
          "--carbon-start " + carbonStart + ": " + e.getMessage() + " (" + carbon + ")");
    }
  }

  /**
   * The run folder, created if missing, with the unfinished files of a run killed before it (hidden
   * {@code .partial} files of the run's own files) removed and reported in one line.
   */
  Path runFolder() throws IOException {
    Path dir = Files.createDirectories(outDir());
    Set<String> mine = new HashSet<>(RUN_FILES);
    if (spans != null) {
      Path file = Inputs.workingDir().resolve(spans).toAbsolutePath().normalize();
      String name = file.getFileName().toString();
      if (file.getParent().equals(dir)) {
        mine.add(name);
      } else {
        removeStale(file.getParent(), name::equals);
      }
    }
    removeStale(dir, mine::contains);
    return dir;
  }

  private void removeStale(Path dir, Predicate<String> names) throws IOException {
    List<Path> removed = PartialFiles.removeStale(dir, names);
    if (!removed.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "trimtab: removed "
              + removed.size()
              + " unfinished file"
              + (removed.size() == 1 ? "" : "s")
              + " a killed run left in "
              + dir);
      err.flush();
    }
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
