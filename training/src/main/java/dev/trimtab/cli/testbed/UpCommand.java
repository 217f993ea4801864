package dev.trimtab.cli.testbed;

import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.testbed.live.LiveRun;
import dev.trimtab.testbed.live.Testbed;
import dev.trimtab.testbed.live.TestbedConfig;
import dev.trimtab.testbed.live.launch.Layout;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab testbed up}. */
@Command(
    name = "up",
    sortOptions = false,
    description = {
      "Start the testbed and keep it up until Ctrl-C (which tears it down), printing a line per"
          + " interval when --workload drives load; --detach leaves it running instead (without"
          + " telemetry) until 'testbed down'.",
      ""
    })
final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TestbedCommand.StateOption state;
  @Mixin TestbedCommand.StartOptions start;

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
    Workload load = workload == null ? null : TestbedCommand.workload(workload);
    Testbed tb = Testbed.start(config, Layout.find(), TestbedCommand.progress(spec));
    PrintWriter out = spec.commandLine().getOut();
    out.print(TestbedCommand.replicaTable(state.dir()));
    out.println("limits: " + tb.limitsDescription());
    if (detach) {
      out.println(
          "detached: stop it with ./trimtab testbed down" + TestbedCommand.stateHint(state));
      out.flush();
      return TestbedCommand.OK;
    }
    Thread hook = new Thread(tb::close, "testbed-teardown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(
        "up: Ctrl-C tears it down"
            + (tb.receiver() == null ? "" : "; telemetry received at " + tb.receiver().endpoint()));
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
    return TestbedCommand.OK;
  }

  private void drive(Testbed tb, Workload load, PrintWriter out) {
    Topology t = tb.topology();
    String[] header = {"t s", "req/s", "p50 ms", "p99 ms", "failed", "SLO", "CPU cores"};
    out.println(TestbedCommand.aligned(header, header));
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
            TestbedCommand.aligned(
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
