package dev.trimtab.cli;

import dev.trimtab.cli.bench.SimBenchResult;
import dev.trimtab.cli.bench.SimBenchSummary;
import dev.trimtab.cli.bench.SimBenchmark;
import dev.trimtab.cli.budget.Resources;
import dev.trimtab.cli.budget.RunShape;
import dev.trimtab.cli.budget.WorkLimits;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.PoissonWorkload;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.env.workload.WorkloadOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab bench sim}: simulator throughput on one thread, in requests per second. */
@Command(
    name = "sim",
    sortOptions = false,
    description = {
      "Benchmark, not a test: simulator throughput on one thread.",
      "Warms up (discarded), then times --duration of simulated time under Poisson arrivals at --rate and prints one"
          + " JSON line per repeat (simulated requests and events per wall-clock second), then one with the repeats'"
          + " median and range: the figure to quote on a shared machine.",
      ""
    })
final class BenchSimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--topology",
      defaultValue = "social-network",
      paramLabel = "NAME|FILE",
      description = "Topology (default: ${DEFAULT-VALUE}).")
  String topology;

  @Option(
      names = "--rate",
      defaultValue = "1000",
      paramLabel = "REQ_PER_S",
      description =
          "Poisson arrival rate, requests per simulated second (default: ${DEFAULT-VALUE}).")
  double ratePerS;

  @Option(
      names = "--warmup",
      defaultValue = "600s",
      paramLabel = "TIME",
      converter = SimDuration.Converter.class,
      description = "Simulated warm-up, not measured (default: ${DEFAULT-VALUE}).")
  SimDuration warmup;

  @Option(
      names = "--duration",
      defaultValue = "600s",
      paramLabel = "TIME",
      converter = SimDuration.Converter.class,
      description = "Simulated time measured (default: ${DEFAULT-VALUE}).")
  SimDuration duration;

  @Option(
      names = "--interval",
      defaultValue = "1s",
      paramLabel = "TIME",
      converter = SimDuration.Converter.class,
      description = "Control interval the run is advanced by (default: ${DEFAULT-VALUE}).")
  SimDuration interval;

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
      description = "Measurements to make, each on a fresh simulation (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Override
  public Integer call() {
    if (!(ratePerS > 0) || !Double.isFinite(ratePerS)) {
      throw new ParameterException(spec.commandLine(), "--rate must be > 0, got " + ratePerS);
    }
    if (repeat < 1) {
      throw new ParameterException(spec.commandLine(), "--repeat must be >= 1, got " + repeat);
    }
    if (interval.millis() > duration.millis()) {
      throw new ParameterException(
          spec.commandLine(), "--interval " + interval + " is longer than --duration " + duration);
    }
    Topology topo = Inputs.topology(topology);
    RunShape.Names names =
        new RunShape.Names(
            "--warmup "
                + warmup
                + " + --duration "
                + duration
                + (repeat > 1 ? ", " + repeat + " times," : ""),
            "--interval " + interval,
            "--rate " + Numbers.compact(ratePerS),
            "--topology " + topology,
            "no spans");
    RunShape shape =
        new RunShape(
            topo,
            new PoissonWorkload(ratePerS, WorkloadOptions.DEFAULTS),
            warmup.seconds() + duration.seconds(),
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
    SimBenchmark bench = new SimBenchmark(System::nanoTime);
    PrintWriter out = spec.commandLine().getOut();
    List<SimBenchResult> results = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      Simulation sim = Simulation.create(topo, load, seed);
      SimBenchResult result =
          bench.measure(sim, ratePerS, warmup.millis(), duration.millis(), interval.millis());
      results.add(result);
      out.println(result.toJsonLine());
      out.flush();
    }
    out.println(SimBenchSummary.of(results).toJsonLine());
    out.flush();
    return TrimtabCli.OK;
  }
}
