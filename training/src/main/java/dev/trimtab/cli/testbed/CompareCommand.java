package dev.trimtab.cli.testbed;

import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.TextTable;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.testbed.live.Calibration;
import dev.trimtab.testbed.live.SimVsLive;
import dev.trimtab.testbed.live.Testbed;
import dev.trimtab.testbed.live.TestbedConfig;
import dev.trimtab.testbed.live.launch.Layout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab testbed compare}. */
@Command(
    name = "compare",
    sortOptions = false,
    description = {
      "The same topology and load simulated and live: end-to-end p50 and p99, CPU used and"
          + " SLO-violation seconds at each --loads level (the busiest service's utilisation as"
          + " the simulated topology predicts it).",
      ""
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TestbedCommand.StateOption state;
  @Mixin TestbedCommand.StartOptions start;

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
    Topology simTopology =
        calibrated == null ? config.topology() : TestbedCommand.topology(calibrated);
    if (!Calibration.sameShape(config.topology(), simTopology)) {
      throw new ParameterException(
          spec.commandLine(), "--calibrated must be --topology with other demands");
    }
    // calibration changes demands only: both sides are judged by --topology's SLOs
    simTopology =
        new Topology(
            simTopology.name(),
            simTopology.description(),
            simTopology.networkHopMs(),
            simTopology.services(),
            config.topology().endpoints());
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
    try (Testbed tb = Testbed.start(config, Layout.find(), TestbedCommand.progress(spec))) {
      for (double u : loads) {
        double rate = SimVsLive.rateFor(simTopology, u);
        TestbedCommand.progress(spec)
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
                TestbedCommand.progress(spec));
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
      AtomicFile.write(TestbedCommand.workingDir().resolve(out), markdown(t.render()));
      stdout.println("table: " + TestbedCommand.workingDir().resolve(out));
    }
    stdout.flush();
    return TestbedCommand.OK;
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
