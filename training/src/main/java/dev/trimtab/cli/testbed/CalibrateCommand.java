package dev.trimtab.cli.testbed;

import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.TextTable;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.testbed.live.Calibration;
import dev.trimtab.testbed.live.Testbed;
import dev.trimtab.testbed.live.TestbedConfig;
import dev.trimtab.testbed.live.TopologyYaml;
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
import picocli.CommandLine.Spec;

/** {@code trimtab testbed calibrate}. */
@Command(
    name = "calibrate",
    sortOptions = false,
    description = {
      "Measure what each operation costs live (its burst plus the CPU serving a call takes"
          + " around it) and write the topology with those demands to --out, for the simulator."
          + " The testbed keeps running the original file.",
      ""
    })
final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TestbedCommand.StateOption state;
  @Mixin TestbedCommand.StartOptions start;

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
    Workload load = TestbedCommand.workload(workload);
    List<Calibration.ServiceCost> costs;
    try (Testbed tb = Testbed.start(config, Layout.find(), TestbedCommand.progress(spec))) {
      costs =
          Calibration.measure(
              tb,
              load,
              start.seed,
              idle.seconds(),
              warmup.seconds(),
              duration.seconds(),
              TestbedCommand.progress(spec));
    }
    Topology calibrated = Calibration.apply(config.topology(), costs);
    Path file = TestbedCommand.workingDir().resolve(out);
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
    return TestbedCommand.OK;
  }
}
