package dev.trimtab.cli;

import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.TextTable;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.testbed.live.Calibration;
import dev.trimtab.testbed.live.LiveRun;
import dev.trimtab.testbed.live.SimVsLive;
import dev.trimtab.testbed.live.Testbed;
import dev.trimtab.testbed.live.TestbedConfig;
import dev.trimtab.testbed.live.TopologyYaml;
import dev.trimtab.testbed.live.launch.Layout;
import dev.trimtab.testbed.live.launch.Teardown;
import dev.trimtab.testbed.live.launch.TestbedStatus;
import dev.trimtab.testbed.live.load.ClientRun;
import dev.trimtab.testbed.live.load.ClientWindow;
import dev.trimtab.testbed.live.load.LoadGenerator;
import dev.trimtab.testbed.live.load.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code trimtab testbed}: the live testbed, real services of a topology as local JVM processes in
 * cgroups (docs/testbed.md).
 */
@Command(
    name = "testbed",
    description = {
      "Run a topology for real: one Spring Boot process per service replica on 127.0.0.1, each in"
          + " its own cgroup with the topology's CPU quota and memory limit, Chaos Monkey in every"
          + " service, OpenTelemetry to a receiver inside Trimtab (docs/testbed.md).",
      ""
    },
    subcommands = {
      TestbedCommand.Up.class,
      TestbedCommand.Down.class,
      TestbedCommand.Status.class,
      TestbedCommand.Calibrate.class,
      TestbedCommand.Compare.class,
      TestbedCommand.Load.class
    })
final class TestbedCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Environment variable naming the default state folder. */
  static final String STATE_ENV = "TRIMTAB_TESTBED_DIR";

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing a subcommand: up, down, status, calibrate, compare or load");
  }

  /** {@code --state-dir}, else {@code TRIMTAB_TESTBED_DIR}, else {@code ~/.trimtab/testbed}. */
  static Path stateDir(Path given) {
    if (given != null) {
      return Inputs.workingDir().resolve(given);
    }
    String env = System.getenv(STATE_ENV);
    if (env != null && !env.isBlank()) {
      return Inputs.workingDir().resolve(env);
    }
    return Path.of(System.getProperty("user.home"), ".trimtab", "testbed");
  }

  /** Options every subcommand that keeps a testbed takes. */
  static final class StateOption {
    @Option(
        names = "--state-dir",
        paramLabel = "DIR",
        description =
            "Where the testbed records its processes, cgroups and logs (default: $"
                + STATE_ENV
                + " or ~/.trimtab/testbed). One testbed per folder; down and the next up clean"
                + " what it recorded.")
    Path stateDir;

    Path dir() {
      return stateDir(stateDir);
    }
  }

  /** The options of a testbed that a subcommand starts. */
  static final class StartOptions {
    @Option(
        names = "--topology",
        required = true,
        paramLabel = "NAME|FILE",
        description = "A bundled topology (boutique is made for the testbed) or a topology file.")
    String topology;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "N",
        description = "Seeds the services' demand draws and the load (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--sampling",
        defaultValue = "1",
        paramLabel = "SHARE",
        description = "Share of requests traced (default: ${DEFAULT-VALUE}).")
    double sampling;

    @Option(
        names = "--cfs-period-us",
        defaultValue = "" + TestbedConfig.DEFAULT_CFS_PERIOD_US,
        paramLabel = "US",
        description = "CFS period of the CPU quotas, microseconds (default: ${DEFAULT-VALUE}).")
    long cfsPeriodUs;

    @Option(
        names = "--require-limits",
        description = "Fail instead of running without limits where cgroups are not writable.")
    boolean requireLimits;

    @Option(
        names = "--priority",
        defaultValue = "" + TestbedConfig.DEFAULT_PRIORITY,
        paramLabel = "N",
        description =
            "CPU weight of the testbed (and its launcher) in times a normal process's, so a busy"
                + " host's other work does not drown its latencies; quotas still cap it; 1 for"
                + " none (default: ${DEFAULT-VALUE}).")
    int priority;

    TestbedConfig config(Path stateDir) {
      Topology t = Inputs.topology(topology);
      TestbedConfig base = TestbedConfig.of(t, stateDir);
      return base.withSeed(seed)
          .withSamplingRate(sampling)
          .withCfsPeriodUs(cfsPeriodUs)
          .withPriority(priority)
          .withCgroups(base.cgroups(), requireLimits);
    }
  }

  static PrintWriter err(CommandSpec spec) {
    return spec.commandLine().getErr();
  }

  static java.util.function.Consumer<String> progress(CommandSpec spec) {
    PrintWriter err = err(spec);
    return line -> {
      err.println("testbed: " + line);
      err.flush();
    };
  }

  @Command(
      name = "up",
      sortOptions = false,
      description = {
        "Start the testbed and keep it up until Ctrl-C (which tears it down), printing a line per"
            + " interval when --workload drives load; --detach leaves it running instead (without"
            + " telemetry) until 'testbed down'.",
        ""
      })
  static final class Up implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StateOption state;
    @Mixin StartOptions start;

    @Option(
        names = "--workload",
        paramLabel = "FILE|SPEC",
        description = "Load to drive while up, e.g. poisson:rate=20 (default: none).")
    String workload;

    @Option(
        names = "--interval",
        defaultValue = "5s",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "How often a line is printed under load (default: ${DEFAULT-VALUE}).")
    SimDuration interval;

    @Option(
        names = "--duration",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "Tear down after this long (default: until Ctrl-C).")
    SimDuration duration;

    @Option(
        names = "--detach",
        description = "Return once every service answers and leave the testbed running.")
    boolean detach;

    @Override
    public Integer call() throws Exception {
      if (detach && (workload != null || duration != null)) {
        throw new ParameterException(
            spec.commandLine(), "--detach returns at once; it takes no --workload or --duration");
      }
      TestbedConfig config = start.config(state.dir());
      if (detach) {
        config = config.withTelemetry(false);
      }
      Workload load = workload == null ? null : Inputs.workload(workload);
      Testbed tb = Testbed.start(config, Layout.find(), progress(spec));
      PrintWriter out = spec.commandLine().getOut();
      out.print(replicaTable(state.dir()));
      out.println("limits: " + tb.limitsDescription());
      if (detach) {
        out.println("detached: stop it with ./trimtab testbed down" + stateHint(state));
        out.flush();
        return TrimtabCli.OK;
      }
      Thread hook = new Thread(tb::close, "testbed-teardown");
      Runtime.getRuntime().addShutdownHook(hook);
      out.println(
          "up: Ctrl-C tears it down"
              + (tb.receiver() == null
                  ? ""
                  : "; telemetry received at " + tb.receiver().endpoint()));
      out.flush();
      try {
        if (load == null) {
          sleepFor(duration);
        } else {
          drive(tb, load, out);
        }
      } finally {
        tb.close();
        Runtime.getRuntime().removeShutdownHook(hook);
      }
      out.println("down: every process, cgroup and assault of the testbed removed");
      out.flush();
      return TrimtabCli.OK;
    }

    private void drive(Testbed tb, Workload load, PrintWriter out) {
      Topology t = tb.topology();
      String[] header = {"t s", "req/s", "p50 ms", "p99 ms", "failed", "SLO", "CPU cores"};
      out.println(aligned(header, header));
      long intervals =
          duration == null ? Long.MAX_VALUE : Math.round(duration.seconds() / interval.seconds());
      try (LiveRun run = LiveRun.start(tb, t, load, start.seed, null)) {
        for (long i = 0; i < intervals && !run.drained(); i++) {
          IntervalMetrics m = run.runFor(interval.millis(), null);
          double cpu = 0;
          for (ServiceMetrics s : m.services()) {
            cpu += s.cpuCoreMs();
          }
          out.println(
              aligned(
                  header,
                  Numbers.fixed(m.endMs() / 1000, 0),
                  Numbers.fixed(m.arrived() / interval.seconds(), 1),
                  Numbers.fixed(m.p50Ms(), 1),
                  Numbers.fixed(m.p99Ms(), 1),
                  Long.toString(m.dropped() + m.errored()),
                  m.sloViolated() ? "missed" : "met",
                  Numbers.fixed(cpu / interval.millis(), 3)));
          out.flush();
        }
      }
    }

    private static void sleepFor(SimDuration d) throws InterruptedException {
      if (d == null) {
        Thread.sleep(Long.MAX_VALUE);
      } else {
        Thread.sleep(Math.round(d.millis()));
      }
    }
  }

  /** Cells right-aligned under a header whose columns are at least 8 wide. */
  static String aligned(String[] header, String... cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      int width = Math.max(8, header[i].length());
      b.append(i == 0 ? "" : "  ").append(" ".repeat(Math.max(0, width - cells[i].length())));
      b.append(cells[i]);
    }
    return b.toString();
  }

  static String stateHint(StateOption state) {
    return state.stateDir == null ? "" : " --state-dir " + state.stateDir;
  }

  static String replicaTable(Path stateDir) {
    Optional<List<TestbedStatus.Row>> rows = TestbedStatus.read(stateDir);
    if (rows.isEmpty()) {
      return "no testbed recorded in " + stateDir + "\n";
    }
    TextTable t =
        new TextTable(
            "replica", "port", "pid", "process", "health", "chaos monkey", "cpu", "mem MiB");
    for (TestbedStatus.Row r : rows.get()) {
      t.row(
          r.service() + "-" + r.replica(),
          Integer.toString(r.port()),
          Long.toString(r.pid()),
          r.running() ? "running" : "gone",
          r.healthy() ? "ok" : "-",
          r.chaosMonkey(),
          limit(r.cpuLimitCores(), 2),
          limit(r.memoryLimitMiB(), 0));
    }
    return t.render();
  }

  private static String limit(double v, int decimals) {
    return Double.isNaN(v) ? "none" : Double.isInfinite(v) ? "max" : Numbers.fixed(v, decimals);
  }

  @Command(
      name = "down",
      description = {
        "Tear the testbed down: reset assaults, kill every recorded process (checking pid and"
            + " start time), remove its cgroups and its state. Works after the launcher was killed.",
        ""
      })
  static final class Down implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StateOption state;

    @Override
    public Integer call() {
      Teardown.Report report = Teardown.run(state.dir());
      PrintWriter out = spec.commandLine().getOut();
      out.println(report.describe());
      out.flush();
      return report.problems().isEmpty() ? TrimtabCli.OK : TrimtabCli.RUN_FAILED;
    }
  }

  @Command(
      name = "status",
      description = {"Each recorded replica: process, health, Chaos Monkey, cgroup limits.", ""})
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StateOption state;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(replicaTable(state.dir()));
      out.flush();
      return TrimtabCli.OK;
    }
  }

  @Command(
      name = "calibrate",
      sortOptions = false,
      description = {
        "Measure what each operation costs live (its burst plus the CPU serving a call takes"
            + " around it) and write the topology with those demands to --out, for the simulator."
            + " The testbed keeps running the original file.",
        ""
      })
  static final class Calibrate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StateOption state;
    @Mixin StartOptions start;

    @Option(
        names = "--workload",
        required = true,
        paramLabel = "FILE|SPEC",
        description =
            "Load to measure under, e.g. poisson:rate=15 (about 60% of the busiest"
                + " service's capacity measures best).")
    String workload;

    @Option(
        names = "--idle",
        defaultValue = "10s",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "Idle time measured first (default: ${DEFAULT-VALUE}).")
    SimDuration idle;

    @Option(
        names = "--warmup",
        defaultValue = "30s",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "Load before measuring, while the JIT compiles (default: ${DEFAULT-VALUE}).")
    SimDuration warmup;

    @Option(
        names = "--duration",
        defaultValue = "60s",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "Load measured (default: ${DEFAULT-VALUE}).")
    SimDuration duration;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The calibrated topology file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
      TestbedConfig config = start.config(state.dir());
      Workload load = Inputs.workload(workload);
      List<Calibration.ServiceCost> costs;
      try (Testbed tb = Testbed.start(config, Layout.find(), progress(spec))) {
        costs =
            Calibration.measure(
                tb,
                load,
                start.seed,
                idle.seconds(),
                warmup.seconds(),
                duration.seconds(),
                progress(spec));
      }
      Topology calibrated = Calibration.apply(config.topology(), costs);
      Path file = Inputs.workingDir().resolve(out);
      AtomicFile.write(file, TopologyYaml.write(calibrated));
      TextTable t = new TextTable("service", "idle cores", "cores", "calls/s", "overhead ms/call");
      for (Calibration.ServiceCost c : costs) {
        t.row(
            c.service(),
            Numbers.fixed(c.idleCores(), 3),
            Numbers.fixed(c.cpuCores(), 3),
            Numbers.fixed(c.calls() / duration.seconds(), 1),
            Numbers.fixed(c.overheadMsPerCall(), 2));
      }
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(t.render());
      stdout.println("calibrated topology: " + file);
      stdout.flush();
      return TrimtabCli.OK;
    }
  }

  @Command(
      name = "compare",
      sortOptions = false,
      description = {
        "The same topology and load simulated and live: end-to-end p50 and p99, CPU used and"
            + " SLO-violation seconds at each --loads level (the busiest service's utilisation as"
            + " the simulated topology predicts it).",
        ""
      })
  static final class Compare implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StateOption state;
    @Mixin StartOptions start;

    @Option(
        names = "--calibrated",
        paramLabel = "FILE",
        description = "The topology the simulator runs (from calibrate; default: --topology).")
    String calibrated;

    @Option(
        names = "--loads",
        split = ",",
        defaultValue = "0.5,0.8",
        paramLabel = "U[,U...]",
        description = "Busiest-service utilisations to compare at (default: ${DEFAULT-VALUE}).")
    List<Double> loads;

    @Option(
        names = "--warmup",
        defaultValue = "30s",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "Live load before measuring (default: ${DEFAULT-VALUE}).")
    SimDuration warmup;

    @Option(
        names = "--duration",
        defaultValue = "120s",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "Time measured at each load, both sides (default: ${DEFAULT-VALUE}).")
    SimDuration duration;

    @Option(
        names = "--interval",
        defaultValue = "5s",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "Interval over which SLOs are judged (default: ${DEFAULT-VALUE}).")
    SimDuration interval;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Also write the table as Markdown to this file.")
    Path out;

    @Override
    public Integer call() throws IOException {
      TestbedConfig config = start.config(state.dir());
      Topology simTopology = calibrated == null ? config.topology() : Inputs.topology(calibrated);
      if (!Calibration.sameShape(config.topology(), simTopology)) {
        throw new ParameterException(
            spec.commandLine(), "--calibrated must be --topology with other demands");
      }
      for (double u : loads) {
        if (!(u > 0 && u < 1.5)) {
          throw new ParameterException(spec.commandLine(), "--loads must be in (0, 1.5), got " + u);
        }
      }
      TextTable t =
          new TextTable(
              "load",
              "req/s",
              "p50 sim",
              "p50 live",
              "p99 sim",
              "p99 live",
              "CPU sim",
              "CPU live",
              "SLO-viol s sim",
              "SLO-viol s live");
      try (Testbed tb = Testbed.start(config, Layout.find(), progress(spec))) {
        for (double u : loads) {
          double rate = SimVsLive.rateFor(simTopology, u);
          progress(spec)
              .accept(
                  "load "
                      + Numbers.compact(u)
                      + ": "
                      + Numbers.fixed(rate, 2)
                      + " req/s, "
                      + Numbers.compact(duration.seconds())
                      + " s live after "
                      + Numbers.compact(warmup.seconds())
                      + " s warm-up");
          SimVsLive.Figures sim =
              SimVsLive.simulate(
                  simTopology, rate, duration.seconds(), interval.seconds(), start.seed);
          SimVsLive.Figures live =
              SimVsLive.live(
                  tb,
                  config.topology(),
                  rate,
                  warmup.seconds(),
                  duration.seconds(),
                  interval.seconds(),
                  start.seed,
                  progress(spec));
          t.row(
              Numbers.compact(u),
              Numbers.fixed(rate, 2),
              Numbers.fixed(sim.p50Ms(), 1),
              Numbers.fixed(live.p50Ms(), 1),
              Numbers.fixed(sim.p99Ms(), 1),
              Numbers.fixed(live.p99Ms(), 1),
              Numbers.fixed(sim.cpuCores(), 3),
              Numbers.fixed(live.cpuCores(), 3),
              Numbers.fixed(sim.sloViolationS(), 0),
              Numbers.fixed(live.sloViolationS(), 0));
        }
      }
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(t.render());
      if (out != null) {
        AtomicFile.write(Inputs.workingDir().resolve(out), markdown(t.render()));
        stdout.println("table: " + Inputs.workingDir().resolve(out));
      }
      stdout.flush();
      return TrimtabCli.OK;
    }

    private static String markdown(String table) {
      StringBuilder b = new StringBuilder();
      String[] lines = table.split("\n");
      for (int i = 0; i < lines.length; i++) {
        b.append("| ").append(String.join(" | ", lines[i].strip().split("\\s{2,}"))).append(" |\n");
        if (i == 0) {
          b.append("|")
              .append(" --- |".repeat(lines[i].strip().split("\\s{2,}").length))
              .append('\n');
        }
      }
      return b.toString();
    }
  }

  @Command(
      name = "load",
      sortOptions = false,
      description = {
        "Drive open-loop load at services running anywhere (the docker compose load generator):"
            + " each request at its workload time, latency from that time, a line per interval.",
        ""
      })
  static final class Load implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--topology",
        required = true,
        paramLabel = "NAME|FILE",
        description = "The topology the services run (its endpoints and SLOs).")
    String topology;

    @Option(
        names = "--workload",
        required = true,
        paramLabel = "FILE|SPEC",
        description = "Load to send, e.g. poisson:rate=20.")
    String workload;

    @Option(
        names = "--targets",
        required = true,
        paramLabel = "NAME=URL[|URL][;...]",
        description =
            "Where the endpoints' root services listen, e.g. frontend=http://frontend:8080.")
    String targets;

    @Option(
        names = "--duration",
        required = true,
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "How long to send.")
    SimDuration duration;

    @Option(
        names = "--interval",
        defaultValue = "5s",
        converter = SimDuration.Converter.class,
        paramLabel = "TIME",
        description = "How often a line is printed (default: ${DEFAULT-VALUE}).")
    SimDuration interval;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "N",
        description = "Seeds arrivals and the mix (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws InterruptedException {
      Topology t = Inputs.topology(topology);
      Targets where = Targets.parse(targets, "--targets");
      for (var e : t.endpoints()) {
        if (!where.services().contains(e.root().service())) {
          throw new ParameterException(
              spec.commandLine(),
              "--targets names no URL for " + e.root().service() + " (root of " + e.name() + ")");
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      String[] header = {"t s", "req/s", "p50 ms", "p99 ms", "failed", "SLO"};
      out.println(aligned(header, header));
      try (LoadGenerator g = new LoadGenerator(t, Inputs.workload(workload), seed, where)) {
        long start = System.nanoTime();
        g.start(start);
        ClientRun clients = new ClientRun(t, g);
        long n = Math.round(duration.seconds() / interval.seconds());
        for (long i = 1; i <= n; i++) {
          long end = start + Math.round(i * interval.millis() * 1e6);
          Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000 + LiveRun.SETTLE_MS));
          ClientWindow w = clients.cut(end);
          boolean missed = w.endpointMetrics().stream().anyMatch(e -> e.sloViolated());
          out.println(
              aligned(
                  header,
                  Numbers.fixed(i * interval.seconds(), 0),
                  Numbers.fixed(w.arrived() / interval.seconds(), 1),
                  Numbers.fixed(w.percentileMs(50), 1),
                  Numbers.fixed(w.percentileMs(99), 1),
                  Long.toString(w.dropped() + w.errored()),
                  missed ? "missed" : "met"));
          out.flush();
        }
      }
      return TrimtabCli.OK;
    }
  }
}
