package dev.trimtab.cli.testbed;

import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.TextTable;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.testbed.live.TestbedConfig;
import dev.trimtab.testbed.live.launch.TestbedStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
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
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      CalibrateCommand.class,
      CompareCommand.class,
      LoadCommand.class
    })
public final class TestbedCommand implements Runnable {
  @Spec CommandSpec spec;

  static final int OK = 0;
  static final int RUN_FAILED = 1;

  /** The user's working directory (the launcher does not change it). */
  static Path workingDir() {
    return Path.of("").toAbsolutePath();
  }

  /** A bundled topology name or a YAML file. */
  static Topology topology(String nameOrFile) {
    return dev.trimtab.env.topology.Topologies.resolve(nameOrFile);
  }

  /** A YAML workload file or a one-line spec such as {@code poisson:rate=20}. */
  static Workload workload(String fileOrSpec) {
    return dev.trimtab.env.workload.WorkloadLoader.resolve(fileOrSpec, workingDir());
  }

  /** Environment variable naming the default state folder. */
  static final String STATE_ENV = "TRIMTAB_TESTBED_DIR";

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing a subcommand: up, down, status, calibrate, compare or load");
  }

  /** {@code --state-dir}, else {@code TRIMTAB_TESTBED_DIR}, else {@code ~/.trimtab/testbed}. */
  public static Path stateDir(Path given) {
    if (given != null) {
      return workingDir().resolve(given);
    }
    String env = System.getenv(STATE_ENV);
    if (env != null && !env.isBlank()) {
      return workingDir().resolve(env);
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
      Topology t = topology(topology);
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
}
