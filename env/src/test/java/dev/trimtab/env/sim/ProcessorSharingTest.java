package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trimtab.env.power.CpuPowerModel;
import dev.trimtab.env.topology.CpuSharing;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.LoadBalancing;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Processor sharing against hand-computed schedules and against M/G/1-PS, whose mean sojourn E[S] /
 * (1 - ρ) does not depend on the demand's variability, where first come, first served does
 * (Pollaczek-Khinchine).
 */
class ProcessorSharingTest {
  private static final double DEMAND_MS = 10;
  private static final CpuSharing PS = CpuSharing.PROCESSOR_SHARING;

  private static Topology station(
      double cpuLimitCores, double cv, int queueBound, double timeoutMs, CpuSharing sharing) {
    ServiceSpec s =
        TestTopologies.service("cpu", cpuLimitCores, DEMAND_MS, cv, queueBound, timeoutMs)
            .withCpuSharing(sharing);
    return new Topology(
        "station",
        "one service",
        0,
        List.of(s),
        List.of(new EndpointSpec("op", 1, new Slo(99, 1000), TestTopologies.call("cpu", 1))));
  }

  private static Topology deterministic(double cpuLimitCores, CpuSharing sharing) {
    return station(cpuLimitCores, 0, 1000, TestTopologies.NO_TIMEOUT_MS, sharing);
  }

  private record Span(double startMs, double endMs, boolean error) {}

  private static List<Span> traced(Simulation sim) {
    List<Span> spans = new ArrayList<>();
    sim.traceTo(
        (hi, lo, id, p, svc, op, ep, start, end, error) -> spans.add(new Span(start, end, error)),
        1);
    return spans;
  }

  private static double[] ends(List<Span> spans) {
    return spans.stream().mapToDouble(Span::endMs).sorted().toArray();
  }

  private static void assertEnds(double[] expected, List<Span> spans) {
    double[] actual = ends(spans);
    assertEquals(expected.length, actual.length, "spans: " + spans);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-9, "end " + i + " of " + spans);
    }
  }

  private static Simulation run(Topology t, Workload w) {
    return Simulation.create(t, w, 1);
  }

  // ---- hand-computed schedules: 10 core-ms deterministic calls, no network hop

  @Test
  void twoCallsArrivingTogetherShareOneCoreAndFinishTogether() {
    Simulation ps = run(deterministic(1, PS), TestWorkloads.at(0, 0));
    List<Span> spans = traced(ps);
    ps.runFor(1000);
    assertEnds(new double[] {20, 20}, spans); // each at half a core
    Simulation fcfs = run(deterministic(1, CpuSharing.FCFS), TestWorkloads.at(0, 0));
    List<Span> fcfsSpans = traced(fcfs);
    fcfs.runFor(1000);
    assertEnds(new double[] {10, 20}, fcfsSpans); // one after the other
  }

  @Test
  void aLaterCallSharesFromItsArrival() {
    // 0-5 ms: the first call alone gets 5 core-ms. Then both at half a core: the first needs 10
    // ms more (ends at 15), by when the second has 5 core-ms and finishes alone at 20.
    Simulation sim = run(deterministic(1, PS), TestWorkloads.at(0, 5));
    List<Span> spans = traced(sim);
    sim.runFor(1000);
    assertEnds(new double[] {15, 20}, spans);
  }

  @Test
  void aThreadUsesAtMostOneCore() {
    Simulation two = run(deterministic(2, PS), TestWorkloads.at(0, 0));
    List<Span> twoSpans = traced(two);
    two.runFor(1000);
    assertEnds(new double[] {10, 10}, twoSpans); // min(1, 2/2) = 1 core each
    Simulation alone = run(deterministic(2, PS), TestWorkloads.at(0));
    List<Span> aloneSpans = traced(alone);
    alone.runFor(1000);
    assertEnds(new double[] {10}, aloneSpans); // one thread cannot use the second core
    Simulation three = run(deterministic(2, PS), TestWorkloads.at(0, 0, 0));
    List<Span> threeSpans = traced(three);
    three.runFor(1000);
    assertEnds(new double[] {15, 15, 15}, threeSpans); // 2/3 core each
    Simulation half = run(deterministic(0.5, PS), TestWorkloads.at(0));
    List<Span> halfSpans = traced(half);
    half.runFor(1000);
    assertEnds(new double[] {20}, halfSpans); // a lone call gets the whole limit below one core
  }

  @Test
  void aLimitChangeMidServiceChangesTheSpeedAtOnceUnderSharingOnly() {
    // Halved at 5 ms: the remaining 5 core-ms take 10 ms under sharing; FCFS keeps its speed.
    assertEquals(15, lowerLimitAtFive(PS, 1, 0.5), 1e-9);
    assertEquals(10, lowerLimitAtFive(CpuSharing.FCFS, 1, 0.5), 1e-9);
    // Doubled at 5 ms from half a core: 2.5 core-ms done, 7.5 to go at one core.
    assertEquals(12.5, lowerLimitAtFive(PS, 0.5, 1), 1e-9);
    assertEquals(20, lowerLimitAtFive(CpuSharing.FCFS, 0.5, 1), 1e-9);
  }

  private static double lowerLimitAtFive(CpuSharing sharing, double from, double to) {
    Simulation sim = run(deterministic(from, sharing), TestWorkloads.at(0));
    List<Span> spans = traced(sim);
    sim.at(5, () -> sim.setCpuLimit("cpu", to));
    sim.runFor(1000);
    return spans.get(0).endMs();
  }

  @Test
  void cpuContentionSlowsSharedCallsWhileItLasts() {
    // 0-5 ms full speed (5 core-ms), 5-10 ms at half (2.5), then 2.5 core-ms at full: 12.5 ms.
    Simulation sim = run(deterministic(1, PS), TestWorkloads.at(0));
    List<Span> spans = traced(sim);
    Perturbation[] fault = new Perturbation[1];
    sim.at(5, () -> fault[0] = sim.perturbations().cpuContention("cpu", 0.5));
    sim.at(10, () -> fault[0].remove());
    sim.runFor(1000);
    assertEnds(new double[] {12.5}, spans);
  }

  @Test
  void memoryPressureAndSlowdownFaultsStretchTheWorkAsUnderFcfs() {
    for (CpuSharing sharing : CpuSharing.values()) {
      Simulation sim = run(deterministic(1, sharing), TestWorkloads.at(0, 100));
      List<Span> spans = traced(sim);
      sim.setMemoryLimit("cpu", 192); // 75% of the 256 MiB working set: 1 + 8 * 0.25^2 = 1.5
      sim.at(50, () -> sim.setMemoryLimit("cpu", 512));
      sim.at(50, () -> sim.perturbations().llcSlowdown("cpu", 3));
      sim.runFor(1000);
      assertEquals(15, spans.get(0).endMs() - spans.get(0).startMs(), 1e-9, sharing.toString());
      assertEquals(30, spans.get(1).endMs() - spans.get(1).startMs(), 1e-9, sharing.toString());
    }
  }

  @Test
  void queueBoundCapsTheCallsAReplicaHolds() {
    Simulation sim =
        run(station(1, 0, 2, TestTopologies.NO_TIMEOUT_MS, PS), TestWorkloads.at(0, 0, 0, 30));
    List<Span> spans = traced(sim);
    IntervalMetrics m = sim.runFor(1000);
    assertEquals(1, m.dropped(), "the third call finds two in the replica");
    assertEquals(3, m.completed());
    assertEquals(List.of(20.0, 20.0, 40.0), ok(spans));
  }

  private static List<Double> ok(List<Span> spans) {
    return spans.stream().filter(s -> !s.error()).map(Span::endMs).sorted().toList();
  }

  @Test
  void aCrashFailsTheSharingCallsAndAccountsTheCpuTheyUsed() {
    Simulation sim = run(deterministic(1, PS), TestWorkloads.at(0, 0, 2000));
    sim.at(5, () -> sim.perturbations().crash("cpu", 1));
    IntervalMetrics first = sim.runFor(1000);
    assertEquals(2, first.errored());
    assertEquals(5, first.services().get(0).cpuCoreMs(), 1e-9); // two calls at half a core, 5 ms
    IntervalMetrics after = sim.runFor(2000); // restarted at 1005 ms; serves the call at 2000 ms
    assertEquals(1, after.completed());
    assertEquals(10, after.p50Ms(), 1e-9);
    assertEquals(0, sim.cluster().calls.live(), "call slots leaked");
  }

  @Test
  void aTimedOutCallKeepsItsShareUntilItsWorkIsDone() {
    // Sharing: both calls would end at 20 ms, so both time out at 15, but their threads run on to
    // 20 ms. FCFS: the first ends at 10, the second runs 10-20 and times out at 15. Either way 20
    // core-ms are used: a running call is never cancelled.
    for (CpuSharing sharing : CpuSharing.values()) {
      Simulation sim = run(station(1, 0, 1000, 15, sharing), TestWorkloads.at(0, 0));
      IntervalMetrics m = sim.runFor(1000);
      assertEquals(sharing == PS ? 2 : 1, m.errored(), sharing.toString());
      assertEquals(20, m.services().get(0).cpuCoreMs(), 1e-9, sharing.toString());
      assertEquals(0, sim.cluster().calls.live(), "call slots leaked");
    }
  }

  @Test
  void aDrainingReplicaFinishesItsSharedCalls() {
    Topology t =
        new Topology(
            "pair",
            "two replicas in turn",
            0,
            List.of(
                deterministic(1, PS)
                    .services()
                    .get(0)
                    .withReplicas(2)
                    .withLoadBalancing(LoadBalancing.ROUND_ROBIN)),
            deterministic(1, PS).endpoints());
    Simulation sim = run(t, TestWorkloads.at(0, 0, 0, 0));
    List<Span> spans = traced(sim);
    sim.at(5, () -> sim.setReplicas("cpu", 1));
    IntervalMetrics m = sim.runFor(1000);
    assertEnds(new double[] {20, 20, 20, 20}, spans); // two calls per replica, each at half a core
    assertEquals(1, m.services().get(0).replicas());
    assertEquals(1, sim.cluster().services[0].replicas.size(), "the drained replica left");
  }

  @ParameterizedTest
  @EnumSource(CpuSharing.class)
  void cpuUsedIsTheWorkDoneWhateverTheSharing(CpuSharing sharing) {
    Simulation sim =
        Simulation.create(deterministic(1, sharing), TestWorkloads.poisson(70, 200_000), 9);
    sim.runFor(260_000);
    RunSummary s = sim.summary();
    assertEquals(s.requests(), s.completed());
    assertEquals(s.completed() * DEMAND_MS / 1000, s.cpuCoreSeconds(), 1e-9 * s.cpuCoreSeconds());
    // Power: idle share of the allocated core plus dynamic power of the used one.
    double allocatedCoreS = 260;
    double expectedJ =
        CpuPowerModel.DEFAULT.idleWPerCore() * allocatedCoreS
            + (CpuPowerModel.DEFAULT.maxWPerCore() - CpuPowerModel.DEFAULT.idleWPerCore())
                * s.cpuCoreSeconds();
    assertEquals(expectedJ, s.energyJ(), 1e-6 * expectedJ);
  }

  // ---- queueing theory

  /**
   * M/G/1 at ρ = 0.5 (50 req/s of 10 ms): under sharing the mean sojourn is E[S] / (1 - ρ) = 20 ms
   * for every demand distribution; under FCFS it is E[S] + λE[S²] / (2(1 - ρ)) = 10 + 5 (1 + cv²)
   * ms: 15 (deterministic), 20 (exponential) and 35 (log-normal, cv 2: squared coefficient of
   * variation 4).
   *
   * <p>Each run serves 1.5 million requests (30,000 s). Over ten seeds of a third of that length
   * the run means scattered by at most 0.64% (sharing, cv 2) and by 2.7% (FCFS at cv 2, whose heavy
   * tail makes the mean converge slowly), so at this length about 0.37% and 1.6%: the bounds of 2%
   * and 7% are over four standard deviations.
   */
  @ParameterizedTest(name = "cv = {0}")
  @CsvSource({"0, 51", "1, 52", "2, 53"})
  void sharingIsInsensitiveToTheDemandDistributionAndFcfsIsNot(double cv, long seed) {
    double rho = 0.5;
    double psMs = DEMAND_MS / (1 - rho);
    double fcfsMs = DEMAND_MS + rho * DEMAND_MS * (1 + cv * cv) / (2 * (1 - rho));
    double ps = meanSojournMs(1, cv, PS, 50, 30_000, seed);
    double fcfs = meanSojournMs(1, cv, CpuSharing.FCFS, 50, 30_000, seed);
    assertEquals(psMs, ps, 0.02 * psMs);
    assertEquals(fcfsMs, fcfs, (cv > 1 ? 0.07 : 0.02) * fcfsMs);
  }

  @Test
  void sharingTwoCoresWithExponentialDemandIsMm2() {
    // Rate min(n, 2)μ with n calls: M/M/2. At ρ = 0.8 (160 req/s): 1/μ + C(2, 1.6) / (2μ - λ).
    // Over ten seeds of 5,000 s the means scattered by 0.5%: 3% is six standard deviations.
    double mu = 1 / DEMAND_MS;
    double lambda = 0.16;
    double expectedMs = DEMAND_MS + QueueingTheoryTest.erlangC(2, lambda / mu) / (2 * mu - lambda);
    assertEquals(27.778, expectedMs, 1e-3);
    assertEquals(expectedMs, meanSojournMs(2, 1, PS, 160, 5_000, 54), 0.03 * expectedMs);
  }

  private static double meanSojournMs(
      double cpuLimitCores, double cv, CpuSharing sharing, double ratePerS, double s, long seed) {
    Simulation sim =
        Simulation.create(
            station(cpuLimitCores, cv, 1_000_000, TestTopologies.NO_TIMEOUT_MS, sharing),
            TestWorkloads.poisson(ratePerS, s * 1000),
            seed);
    sim.runFor(s * 1000 + 600_000);
    RunSummary summary = sim.summary();
    assertEquals(summary.requests(), summary.completed());
    return summary.meanMs();
  }
}
