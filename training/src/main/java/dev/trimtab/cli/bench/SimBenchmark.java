package dev.trimtab.cli.bench;

import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.Simulation;
import java.util.function.LongSupplier;

/**
 * Measures simulator throughput on the calling thread: runs a warm-up (discarded, so the JIT has
 * compiled the event loop), then times a measured window of simulated time, advanced one control
 * interval at a time as a controller would.
 */
public final class SimBenchmark {
  private final LongSupplier nanoClock;

  /** {@code nanoClock} is {@code System::nanoTime} outside tests. */
  public SimBenchmark(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Runs {@code sim} for {@code warmupMs}, then measures {@code measuredMs}, both in steps of
   * {@code intervalMs} (the last step of each shorter if needed).
   */
  public SimBenchResult measure(
      Simulation sim, double ratePerS, double warmupMs, double measuredMs, double intervalMs) {
    advance(sim, warmupMs, intervalMs);
    RunSummary before = sim.summary();
    long start = nanoClock.getAsLong();
    advance(sim, measuredMs, intervalMs);
    long end = nanoClock.getAsLong();
    RunSummary after = sim.summary();
    return new SimBenchResult(
        sim.topology().name(),
        ratePerS,
        measuredMs / 1000,
        after.requests() - before.requests(),
        after.events() - before.events(),
        (end - start) / 1e9,
        System.getProperty("java.version"));
  }

  private static void advance(Simulation sim, double spanMs, double intervalMs) {
    double endMs = sim.nowMs() + spanMs;
    while (endMs - sim.nowMs() > 1e-9) {
      sim.runFor(Math.min(intervalMs, endMs - sim.nowMs()));
    }
  }
}
