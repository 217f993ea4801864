package dev.trimtab.cli.testbed;

import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.testbed.live.LiveRun;
import dev.trimtab.testbed.live.load.ClientRun;
import dev.trimtab.testbed.live.load.ClientWindow;
import dev.trimtab.testbed.live.load.LoadGenerator;
import dev.trimtab.testbed.live.load.Targets;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab testbed load}. */
@Command(
    name = "load",
    sortOptions = false,
    description = {
      "Drive open-loop load at services running anywhere (the docker compose load generator):"
          + " each request at its workload time, latency from that time, a line per interval.",
      ""
    })
final class LoadCommand implements Callable<Integer> {
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
    Topology t = TestbedCommand.topology(topology);
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
    out.println(TestbedCommand.aligned(header, header));
    try (LoadGenerator g = new LoadGenerator(t, TestbedCommand.workload(workload), seed, where)) {
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
            TestbedCommand.aligned(
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
    return TestbedCommand.OK;
  }
}
