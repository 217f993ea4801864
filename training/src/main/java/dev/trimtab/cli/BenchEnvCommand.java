package dev.trimtab.cli;

import dev.trimtab.cli.bench.EnvBenchmark;
import dev.trimtab.cli.budget.Resources;
import dev.trimtab.cli.budget.RunShape;
import dev.trimtab.cli.budget.WorkLimits;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.Json;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.env.cluster.ClusterEnv;
import dev.trimtab.env.cluster.ClusterEnvConfig;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.PoissonWorkload;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.env.workload.WorkloadOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab bench env}: ClusterEnv steps per second under random actions. */
@Command(
    name = "env",
    sortOptions = false,
    description = {
      "Benchmark, not a test: ClusterEnv steps per second on one thread.",
      "Every agent takes a uniformly random action each step; warms up (discarded), then times"
          + " --steps steps and prints one JSON line per repeat.",
      ""
    })
final class BenchEnvCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--topology",
      defaultValue = "social-network",
      paramLabel = "NAME|FILE",
      description = "Topology (default: ${DEFAULT-VALUE}).")
  String topology;

  @Option(
      names = "--rate",
      defaultValue = "200",
      paramLabel = "REQ_PER_S",
      description =
          "Poisson arrival rate, requests per simulated second (default: ${DEFAULT-VALUE}).")
  double ratePerS;

  @Option(
      names = "--interval",
      defaultValue = "1s",
      paramLabel = "TIME",
      converter = SimDuration.Converter.class,
      description = "Simulated time per step (default: ${DEFAULT-VALUE}).")
  SimDuration interval;

  @Option(
      names = "--variant",
      defaultValue = "discrete",
      paramLabel = "discrete|continuous",
      description = "Action variant (default: ${DEFAULT-VALUE}).")
  String variant;

  @Option(
      names = "--episode-steps",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Steps per episode; episodes are reset inside the timed window (default: ${DEFAULT-VALUE}).")
  int episodeSteps;

  @Option(
      names = "--warmup-steps",
      defaultValue = "2000",
      paramLabel = "N",
      description = "Steps run before timing, not measured (default: ${DEFAULT-VALUE}).")
  int warmupSteps;

  @Option(
      names = "--steps",
      defaultValue = "5000",
      paramLabel = "N",
      description = "Steps timed (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--repeat",
      defaultValue = "5",
      paramLabel = "N",
      description = "Measurements, each on a fresh env (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Override
  public Integer call() {
    if (!(ratePerS > 0) || !Double.isFinite(ratePerS)) {
      throw new ParameterException(spec.commandLine(), "--rate must be > 0, got " + ratePerS);
    }
    if (steps < 1 || repeat < 1 || warmupSteps < 0 || episodeSteps < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--steps, --repeat and --episode-steps must be >= 1, --warmup-steps >= 0");
    }
    if (!variant.equals("discrete") && !variant.equals("continuous")) {
      throw new ParameterException(
          spec.commandLine(), "unknown --variant '" + variant + "'; allowed: discrete, continuous");
    }
    Topology topo = Inputs.topology(topology);
    RunShape.Names names =
        new RunShape.Names(
            "--warmup-steps "
                + warmupSteps
                + " + --steps "
                + steps
                + " of --interval "
                + interval
                + (repeat > 1 ? ", " + repeat + " times," : ""),
            "--interval " + interval,
            "--rate " + Numbers.compact(ratePerS),
            "--topology " + topology,
            "no spans");
    RunShape shape =
        new RunShape(
            topo,
            new PoissonWorkload(ratePerS, WorkloadOptions.DEFAULTS),
            interval.seconds() * ((double) warmupSteps + steps),
            interval.seconds(),
            0,
            RunShape.Keeps.NOTHING,
            names);
    WorkLimits.check(shape, repeat, Resources.heapOnly())
        .ifPresent(
            m -> {
              throw new BadInput(m);
            });
    Workload load = WorkloadLoader.parseSpec("poisson:rate=" + ratePerS, Inputs.workingDir());
    ClusterEnvConfig config =
        ClusterEnvConfig.of(topo, load, episodeSteps).withIntervalMs(interval.millis());
    EnvBenchmark bench = new EnvBenchmark(System::nanoTime);
    PrintWriter out = spec.commandLine().getOut();
    for (int r = 0; r < repeat; r++) {
      EnvBenchmark.Result result =
          variant.equals("discrete")
              ? bench.measure(ClusterEnv.discrete(config), seed, warmupSteps, steps)
              : bench.measure(ClusterEnv.continuous(config), seed, warmupSteps, steps);
      out.println(line(topo.name(), result));
      out.flush();
    }
    return TrimtabCli.OK;
  }

  private String line(String topologyName, EnvBenchmark.Result r) {
    return Json.line(
        out -> {
          out.writeStringField("bench", "env");
          out.writeStringField("topology", topologyName);
          out.writeStringField("variant", variant);
          Json.compact(out, "rate_per_s", ratePerS);
          Json.compact(out, "interval_s", interval.seconds());
          out.writeNumberField("steps", r.steps());
          out.writeNumberField("requests", r.requests());
          Json.fixed(out, "wall_s", r.wallS(), 3);
          out.writeFieldName("env_steps_per_s");
          out.writeNumber(Numbers.fixed(r.steps() / r.wallS(), 0));
          out.writeFieldName("sim_requests_per_s");
          out.writeNumber(Numbers.fixed(r.requests() / r.wallS(), 0));
          out.writeStringField("jdk", System.getProperty("java.version"));
        });
  }
}
