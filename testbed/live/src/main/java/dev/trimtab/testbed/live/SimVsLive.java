package dev.trimtab.testbed.live;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.OfferedLoad;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.util.function.Consumer;

/**
 * The same topology and load, simulated and live: end-to-end p50 and p99, CPU used and
 * SLO-violation seconds, the figures docs/testbed.md compares.
 *
 * <p>The live testbed runs the topology's own demands (the CPU bursts its services burn); the
 * simulator runs the calibrated topology, whose demands add what serving a call costs around the
 * burst ({@link Calibration}). Load is the busiest service's utilisation at its CPU limit as the
 * calibrated topology predicts it ({@link OfferedLoad}), so "80% load" means the same for both.
 */
public final class SimVsLive {
  private SimVsLive() {}

  /**
   * One side's figures over its measured window.
   *
   * @param cpuCores CPU used by all services, cores (time average)
   * @param sloViolationS seconds of intervals in which any endpoint missed its SLO
   */
  public record Figures(
      double p50Ms,
      double p99Ms,
      double cpuCores,
      double sloViolationS,
      long completed,
      long failed) {}

  /** The rate (req/s) at which the busiest service of {@code t} is {@code load} busy. */
  public static double rateFor(Topology t, double load) {
    double max = 0;
    for (double u : OfferedLoad.utilisation(t, 1)) {
      max = Math.max(max, u);
    }
    return load / max;
  }

  /** Simulates {@code durationS} seconds of Poisson arrivals at {@code rateRps}. */
  public static Figures simulate(
      Topology t, double rateRps, double durationS, double intervalS, long seed) {
    Workload w = poisson(rateRps);
    Simulation sim = Simulation.create(t, w, seed);
    int n = (int) Math.round(durationS / intervalS);
    double cpuMs = 0;
    for (int i = 0; i < n; i++) {
      IntervalMetrics m = sim.runFor(intervalS * 1000);
      cpuMs += cpuMs(m);
    }
    RunSummary s = sim.summary();
    return new Figures(
        s.p50Ms(),
        s.p99Ms(),
        cpuMs / (n * intervalS * 1000),
        s.sloViolationSeconds(),
        s.completed(),
        s.dropped() + s.errors());
  }

  /**
   * Runs {@code warmupS} seconds of Poisson arrivals at {@code rateRps} on the testbed, then
   * measures {@code durationS} seconds.
   */
  public static Figures live(
      Testbed testbed,
      Topology t,
      double rateRps,
      double warmupS,
      double durationS,
      double intervalS,
      long seed,
      Consumer<String> progress) {
    Workload w = poisson(rateRps);
    try (LiveRun run = LiveRun.start(testbed, t, w, seed, null)) {
      int warm = (int) Math.round(warmupS / intervalS);
      for (int i = 0; i < warm; i++) {
        run.runFor(intervalS * 1000, null);
      }
      run.resetLatencies();
      RunSummary before = run.summary();
      int n = (int) Math.round(durationS / intervalS);
      double cpuMs = 0;
      for (int i = 0; i < n; i++) {
        IntervalMetrics m = run.runFor(intervalS * 1000, null);
        cpuMs += cpuMs(m);
        if ((i + 1) % Math.max(1, n / 4) == 0) {
          progress.accept(
              String.format(
                  java.util.Locale.ROOT,
                  "  live %.0f of %.0f s: p99 %.1f ms in the last interval",
                  (i + 1) * intervalS,
                  durationS,
                  m.p99Ms()));
        }
      }
      RunSummary after = run.summary();
      return new Figures(
          after.p50Ms(),
          after.p99Ms(),
          cpuMs / (n * intervalS * 1000),
          after.sloViolationSeconds() - before.sloViolationSeconds(),
          after.completed() - before.completed(),
          after.dropped() + after.errors() - before.dropped() - before.errors());
    }
  }

  /** Poisson arrivals at {@code rateRps}, through the workload spec parser users write. */
  static Workload poisson(double rateRps) {
    return dev.trimtab.env.workload.WorkloadLoader.parseSpec(
        "poisson:rate=" + rateRps, java.nio.file.Path.of("."));
  }

  private static double cpuMs(IntervalMetrics m) {
    double ms = 0;
    for (ServiceMetrics s : m.services()) {
      ms += s.cpuCoreMs();
    }
    return ms;
  }

  /** {@code live / sim − 1}, the relative gap the acceptance criteria bound. */
  public static double gap(double sim, double live) {
    return live == 0 ? (sim == 0 ? 0 : Double.POSITIVE_INFINITY) : sim / live - 1;
  }
}
