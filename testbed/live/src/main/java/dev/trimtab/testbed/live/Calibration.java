package dev.trimtab.testbed.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.testbed.live.launch.AdminClient;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures what each operation costs on the live testbed and writes it into the topology as its
 * demand, so that the simulator charges what the real service spends.
 *
 * <p>A call's CPU is its burst (the topology's demand, measured by each service as the thread CPU
 * time its bursts used) plus what serving it costs around the burst: HTTP parsing and writing, the
 * calls it makes, the tracing agent, the JVM. Over a measurement window under load, per service:
 * {@code overhead per call = (cgroup CPU − burst CPU − idle CPU) / calls}, where idle CPU is what
 * the service used before the load started (garbage collection, telemetry export), scaled to the
 * window. Each operation's calibrated mean is its measured burst mean plus the service's overhead
 * per call; its coefficient of variation shrinks accordingly, since the overhead varies little
 * ({@code cv' = cv · burst / (burst + overhead)}).
 */
public final class Calibration {
  private Calibration() {}

  /**
   * What one service cost in the window.
   *
   * @param idleCores CPU the service used with no load, in cores
   * @param overheadMsPerCall CPU per call beyond its burst, core-ms
   * @param burstMsPerCall burst CPU per call per operation, core-ms (NaN where no call came)
   * @param callsPerOperation calls measured per operation
   */
  public record ServiceCost(
      String service,
      double idleCores,
      double cpuCores,
      long calls,
      double overheadMsPerCall,
      Map<String, Double> burstMsPerCall,
      Map<String, Long> callsPerOperation) {}

  /** Per-replica counters of the service process: burst CPU and calls per operation. */
  record Counters(Map<String, long[]> perOperation) {
    static Counters read(List<URI> replicas) throws IOException {
      Map<String, long[]> ops = new LinkedHashMap<>();
      for (URI r : replicas) {
        JsonNode s = AdminClient.stats(r);
        s.path("operations")
            .fields()
            .forEachRemaining(
                e -> {
                  long[] v = ops.computeIfAbsent(e.getKey(), k -> new long[2]);
                  v[0] += e.getValue().path("calls").asLong();
                  v[1] += e.getValue().path("burstCpuNanos").asLong();
                });
      }
      return new Counters(ops);
    }

    long[] minus(String op, Counters before) {
      long[] a = perOperation.getOrDefault(op, new long[2]);
      long[] b = before.perOperation.getOrDefault(op, new long[2]);
      return new long[] {a[0] - b[0], a[1] - b[1]};
    }
  }

  /**
   * Costs from two readings around a window under load, given each service's idle CPU rate.
   *
   * @param cpuNanos CPU each service used in the window (cgroup or /proc)
   */
  static ServiceCost cost(
      ServiceSpec spec,
      double windowS,
      double idleCores,
      long cpuNanos,
      Counters before,
      Counters after) {
    long calls = 0;
    long burst = 0;
    Map<String, Double> burstMs = new LinkedHashMap<>();
    Map<String, Long> perOp = new LinkedHashMap<>();
    for (OperationSpec op : spec.operations()) {
      long[] d = after.minus(op.name(), before);
      calls += d[0];
      burst += d[1];
      perOp.put(op.name(), d[0]);
      burstMs.put(op.name(), d[0] > 0 ? d[1] / 1e6 / d[0] : Double.NaN);
    }
    double idleNanos = idleCores * windowS * 1e9;
    double overheadMs = calls > 0 ? Math.max(0, cpuNanos - burst - idleNanos) / 1e6 / calls : 0;
    return new ServiceCost(
        spec.name(), idleCores, cpuNanos / 1e9 / windowS, calls, overheadMs, burstMs, perOp);
  }

  /**
   * The topology with every measured operation's demand replaced by burst plus overhead; an
   * operation no call reached keeps the topology's burst and gets the service's overhead.
   */
  public static Topology apply(Topology topology, List<ServiceCost> costs) {
    Map<String, ServiceCost> byName = new LinkedHashMap<>();
    for (ServiceCost c : costs) {
      byName.put(c.service(), c);
    }
    List<ServiceSpec> services = new ArrayList<>();
    for (ServiceSpec s : topology.services()) {
      ServiceCost c = byName.get(s.name());
      if (c == null) {
        services.add(s);
        continue;
      }
      List<OperationSpec> ops = new ArrayList<>();
      for (OperationSpec op : s.operations()) {
        double measured = c.burstMsPerCall().getOrDefault(op.name(), Double.NaN);
        double burst = Double.isNaN(measured) ? op.demandCoreMs().meanMs() : measured;
        double mean = burst + c.overheadMsPerCall();
        double cv = op.demandCoreMs().cv() * burst / mean;
        ops.add(
            new OperationSpec(
                op.name(),
                new Demand(round(mean), round(cv)),
                op.perPromptTokenMs(),
                op.perOutputTokenMs()));
      }
      services.add(
          new ServiceSpec(
              s.name(),
              s.kind(),
              s.replicas(),
              s.cpuLimitCores(),
              s.memoryLimitMiB(),
              s.workingSetMiB(),
              s.queueBound(),
              s.timeoutMs(),
              s.startupMs(),
              ops,
              s.gpu(),
              s.labels()));
    }
    return new Topology(
        topology.name(),
        topology.description(),
        topology.networkHopMs(),
        services,
        topology.endpoints());
  }

  /**
   * Measures every service of a running testbed: {@code idleS} seconds with no load (each service's
   * background CPU), then {@code workload} for {@code warmupS} seconds (the JIT compiles the hot
   * paths) and {@code windowS} seconds measured.
   */
  public static List<ServiceCost> measure(
      Testbed testbed,
      dev.trimtab.env.workload.Workload workload,
      long seed,
      double idleS,
      double warmupS,
      double windowS,
      java.util.function.Consumer<String> progress) {
    Topology t = testbed.topology();
    progress.accept(String.format(java.util.Locale.ROOT, "measuring idle CPU for %.0f s", idleS));
    TestbedSample idle0 = testbed.sample();
    sleepS(idleS);
    TestbedSample idle1 = testbed.sample();
    double idleElapsedS = (idle1.nanoTime() - idle0.nanoTime()) / 1e9;
    try (LiveRun run = LiveRun.start(testbed, t, workload, seed, null)) {
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "warming up for %.0f s under %s",
              warmupS,
              workload.describe()));
      sleepS(warmupS);
      Map<String, Counters> before = new LinkedHashMap<>();
      for (ServiceSpec s : t.services()) {
        before.put(s.name(), counters(testbed, s.name()));
      }
      TestbedSample s0 = testbed.sample();
      progress.accept(String.format(java.util.Locale.ROOT, "measuring for %.0f s", windowS));
      sleepS(windowS);
      TestbedSample s1 = testbed.sample();
      List<ServiceCost> costs = new ArrayList<>();
      double elapsedS = (s1.nanoTime() - s0.nanoTime()) / 1e9;
      for (int i = 0; i < t.services().size(); i++) {
        ServiceSpec spec = t.services().get(i);
        Counters after = counters(testbed, spec.name());
        double idleCores =
            (idle1.services().get(i).cpuNanos() - idle0.services().get(i).cpuNanos())
                / 1e9
                / idleElapsedS;
        long cpu = s1.services().get(i).cpuNanos() - s0.services().get(i).cpuNanos();
        costs.add(cost(spec, elapsedS, idleCores, cpu, before.get(spec.name()), after));
      }
      return costs;
    }
  }

  private static Counters counters(Testbed testbed, String service) {
    try {
      return Counters.read(testbed.readyReplicas(service));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the counters of " + service, e);
    }
  }

  private static void sleepS(double s) {
    try {
      Thread.sleep(Math.round(s * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Whether {@code b} is {@code a} with other demands at most: the same services with the same
   * operations, and the same endpoints and call trees (what a calibrated file may change).
   */
  public static boolean sameShape(Topology a, Topology b) {
    if (a.services().size() != b.services().size()) {
      return false;
    }
    for (int i = 0; i < a.services().size(); i++) {
      ServiceSpec x = a.services().get(i);
      ServiceSpec y = b.services().get(i);
      if (!x.name().equals(y.name())
          || !x.operations().stream()
              .map(OperationSpec::name)
              .toList()
              .equals(y.operations().stream().map(OperationSpec::name).toList())) {
        return false;
      }
    }
    for (int e = 0; e < a.endpoints().size() && e < b.endpoints().size(); e++) {
      if (!a.endpoints().get(e).root().equals(b.endpoints().get(e).root())) {
        return false;
      }
    }
    return a.endpoints().size() == b.endpoints().size();
  }

  /** Four significant digits: measurements are not more precise, and files stay readable. */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double scale = Math.pow(10, 3 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }
}
