package dev.trimtab.cli.budget;

import static dev.trimtab.cli.budget.WorkEstimateTest.NAMES;
import static dev.trimtab.cli.budget.WorkEstimateTest.handTopology;
import static dev.trimtab.cli.budget.WorkEstimateTest.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.PoissonWorkload;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each limit refuses what passes it, with a message naming the value, and lets through the rest.
 */
class WorkLimitsTest {
  private static final long GIB = 1L << 30;
  private static final Resources PLENTY = new Resources(64 * GIB, 0, 1L << 50, Path.of("out"));

  private static Workload poisson(double rate) {
    return new PoissonWorkload(rate, WorkloadOptions.DEFAULTS);
  }

  private static Optional<String> check(
      Workload w, double durationS, double intervalS, Resources r) {
    return WorkLimits.check(shape(handTopology(), w, durationS, intervalS, 0), r);
  }

  @Test
  void anOrdinaryRunPasses() {
    assertEquals(Optional.empty(), check(poisson(1000), 86_400, 1, PLENTY));
  }

  @Test
  void aDurationPastAYearIsRefusedBeforeAnythingElse() {
    assertEquals(
        Optional.of("--duration D is too long: a run may simulate at most 366 days (31622400 s)"),
        check(poisson(1), 1e12, 1, PLENTY));
    assertEquals(Optional.empty(), check(poisson(1), 366 * 86_400.0, 3600, PLENTY));
  }

  @Test
  void intervalsAreAtLeastAMillisecondAndAtMostAHundredMillionARun() {
    assertEquals(
        Optional.of("--interval I is too short: the control interval is at least 1 ms"),
        check(poisson(1), 10, 0.0005, PLENTY));
    // 200 days at 100 ms: 172,800,000 intervals
    assertEquals(
        Optional.of(
            "--interval I over --duration D makes 172800000 control intervals; at most 100000000:"
                + " a longer interval or a shorter duration"),
        check(poisson(1), 200 * 86_400.0, 0.1, PLENTY));
  }

  /** 10^12 req/s for 60 s: 6e13 requests x (1 + 3 x 1.625) = 3.5e14 events. */
  @Test
  void tooManyEventsNamesTheWorkloadAndTheDuration() {
    assertEquals(
        Optional.of(
            "--workload W over --duration D implies about 3.5e14 simulator events (6e13 requests"
                + " of 1.6 calls); at most 1e12 (about a day of computing): a lower rate or a"
                + " shorter duration"),
        check(poisson(1e12), 60, 1, PLENTY));
  }

  /** 10^9 req/s over one 10 s interval: 1.625e10 calls in it, past 2^30. */
  @Test
  void tooManyCallsInOneInterval() {
    Optional<String> refusal = check(poisson(1e9), 10, 10, PLENTY);
    assertEquals(
        Optional.of(
            "--workload W with --interval I completes about 1.6e10 calls in one interval; at most"
                + " 1073741824: a lower rate or a shorter interval"),
        refusal);
  }

  /**
   * 10^6 req/s, interval 60 s: 9.75e7 calls and 1.2e8 requests' latencies an interval, (9.75e7 +
   * 1.2e8) x 16 B = 3.24 GiB, against 75% of a 2 GiB heap.
   */
  @Test
  void tooMuchMemoryNamesTheBiggestCauseAndTheHeapToAskFor() {
    Resources small = new Resources(2 * GIB, 0, 1L << 50, Path.of("out"));
    Optional<String> refusal = check(poisson(1e6), 600, 60, small);
    assertTrue(refusal.isPresent());
    assertEquals(
        "--workload W with --interval I keeps about 97500000 latencies an interval: about 3.2"
            + " GiB of memory in all, and this JVM may use 1.5 GiB for it: a lower rate or a"
            + " shorter interval, or a bigger heap (TRIMTAB_JAVA_OPTS=-Xmx5g)",
        refusal.get());
    Resources big = new Resources(8 * GIB, 0, 1L << 50, Path.of("out"));
    assertEquals(Optional.empty(), check(poisson(1e6), 600, 60, big));
  }

  @Test
  void aBillionReplicasAreRefusedByTheirMemory() {
    Topology t = handTopology();
    Topology huge =
        new Topology(
            t.name(),
            t.description(),
            t.networkHopMs(),
            List.of(
                t.services().get(0),
                new dev.trimtab.env.topology.ServiceSpec(
                    "back",
                    dev.trimtab.env.topology.ServiceKind.CPU,
                    1_000_000_000,
                    0.5,
                    512,
                    256,
                    20,
                    4000,
                    1000,
                    t.services().get(1).operations())),
            t.endpoints());
    Optional<String> refusal =
        WorkLimits.check(
            shape(huge, poisson(1), 10, 1, 0), new Resources(4 * GIB, 0, 1L << 50, null));
    assertTrue(
        refusal
            .orElseThrow()
            .startsWith("--topology T asks for 1000000002 replicas: about 238 GiB"),
        refusal.get());
  }

  /** 100 days at 1 s: 8.64e6 intervals x 2 services x 160 B + 2 endpoints x 80 B = 3.9 GiB. */
  @Test
  void tooManyBytesNamesTheFolderAndItsFreeSpace() {
    Resources smallDisk = new Resources(64 * GIB, 0, GIB, Path.of("runs/x"));
    assertEquals(
        Optional.of(
            "--interval I over --duration D writes about 3.9 GiB of metrics (8640000 intervals);"
                + " runs/x has 1.0 GiB free: a longer interval or a shorter duration"),
        check(poisson(1), 100 * 86_400.0, 1, smallDisk));
    RunShape spans = shape(handTopology(), poisson(1000), 86_400, 60, 1);
    assertTrue(
        WorkLimits.check(spans, smallDisk)
            .orElseThrow()
            .startsWith("--span-sampling S over --duration D writes about 78 GiB of spans;"));
  }

  @Test
  void anEvaluationCountsEveryRunAndTheRunsAtOnce() {
    RunShape problem =
        new RunShape(handTopology(), poisson(1e5), 3600, 1, 0, RunShape.Keeps.SAMPLES, NAMES);
    // 3.6e8 requests x 5.875 = 2.1e9 events a run; 500 runs pass 1e12
    assertEquals(
        Optional.of(
            "the evaluation implies about 1.1e12 simulator events over 500 runs; at most 1e12"
                + " (about a day of computing): fewer seeds, controllers or problems"),
        WorkLimits.checkAll(List.of(problem), 500, 4, PLENTY));
    assertEquals(Optional.empty(), WorkLimits.checkAll(List.of(problem), 10, 4, PLENTY));
  }

  @Test
  void amountsReadWell() {
    assertEquals("31622400", Amounts.count(31_622_400));
    assertEquals("1.2e15", Amounts.count(1.23e15));
    assertEquals("1e12", Amounts.count(1e12));
    assertEquals("6.6", Amounts.count(6.6));
    assertEquals("512 B", Amounts.bytes(512));
    assertEquals("3.5 GiB", Amounts.bytes(3.5 * GIB));
    assertEquals("238 GiB", Amounts.bytes(256e9));
  }
}
