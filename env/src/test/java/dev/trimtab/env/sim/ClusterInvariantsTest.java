package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.topology.CpuSharing;
import dev.trimtab.env.topology.LoadBalancing;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conservation, slot hygiene and determinism under drops, timeouts, crashes and scaling. */
class ClusterInvariantsTest {

  /** A run that exercises every failure path: overload, tiny queues, timeouts, OOM, scaling. */
  private static List<IntervalMetrics> stressRun(long seed, Simulation[] out) {
    return stressRun(TestTopologies.fanOut(8, 40), seed, out);
  }

  private static List<IntervalMetrics> stressRun(Topology t, long seed, Simulation[] out) {
    Simulation sim = Simulation.create(t, TestWorkloads.poisson(900, 20_000), seed);
    out[0] = sim;
    List<IntervalMetrics> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      switch (i) {
        case 5 -> sim.setCpuLimit("db", 0.3);
        case 8 -> sim.setReplicas("frontend", 3);
        case 10 -> sim.setMemoryLimit("auth", 100);
        case 14 -> sim.setMemoryLimit("auth", 512);
        case 16 -> sim.setCpuLimit("db", 2);
        case 18 -> sim.setReplicas("search", 3);
        case 22 -> sim.setReplicas("search", 1);
        case 25 -> sim.setMemoryLimit("ads", 200);
        default -> {}
      }
      IntervalMetrics m = sim.runFor(500);
      all.add(m);
      assertEquals(
          m.arrivedTotal(),
          m.completedTotal() + m.droppedTotal() + m.erroredTotal() + m.inFlight(),
          "request conservation after interval " + i);
      assertTrue(m.inFlight() >= 0);
    }
    return all;
  }

  @Test
  void requestsAreConservedAfterEveryIntervalAndEverySlotIsFreedAtTheEnd() {
    Simulation[] sim = new Simulation[1];
    List<IntervalMetrics> all = stressRun(7, sim);
    IntervalMetrics last = all.get(all.size() - 1);
    assertTrue(last.droppedTotal() > 0, "the stress run should drop requests");
    assertTrue(last.erroredTotal() > 0, "the stress run should have errors");
    assertTrue(last.completedTotal() > 0, "the stress run should complete requests");
    // The workload stopped at 20 s and the run lasted 30 s: every request has ended.
    assertEquals(0, last.inFlight());
    assertEquals(0, sim[0].cluster().calls.live(), "call slots leaked");
  }

  /** Every balancing policy with either CPU sharing, under the stress run's every failure path. */
  static Stream<Arguments> policies() {
    Stream.Builder<Arguments> all = Stream.builder();
    for (LoadBalancing balancing : LoadBalancing.values()) {
      for (CpuSharing sharing : CpuSharing.values()) {
        all.add(Arguments.of(balancing, sharing));
      }
    }
    return all.build();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("policies")
  void everyPolicyConservesRequestsFreesSlotsAndRepeatsForASeed(
      LoadBalancing balancing, CpuSharing sharing) {
    Topology t = TestTopologies.withPolicies(TestTopologies.fanOut(8, 40), balancing, sharing);
    Simulation[] sim = new Simulation[1];
    List<IntervalMetrics> a = stressRun(t, 7, sim);
    IntervalMetrics last = a.get(a.size() - 1);
    assertTrue(last.droppedTotal() > 0, "the stress run should drop requests");
    assertTrue(last.erroredTotal() > 0, "the stress run should have errors");
    assertTrue(last.completedTotal() > 0, "the stress run should complete requests");
    assertEquals(0, last.inFlight());
    assertEquals(0, sim[0].cluster().calls.live(), "call slots leaked");
    for (ServiceRuntime s : sim[0].cluster().services) {
      assertEquals(0, s.busyCores(), 1e-9, "CPU still counted busy on " + s.spec.name());
    }
    assertEquals(a, stressRun(t, 7, sim), "same seed, same run");
  }

  @Test
  void sameSeedGivesTheSameRunAndAnotherSeedADifferentOne() {
    Simulation[] sim = new Simulation[1];
    List<IntervalMetrics> a = stressRun(7, sim);
    List<IntervalMetrics> b = stressRun(7, sim);
    List<IntervalMetrics> c = stressRun(8, sim);
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void oomKilledReplicasFailCallsAndComeBackWhenTheLimitIsRaised() {
    Simulation sim =
        Simulation.create(TestTopologies.fanOut(100, 1000), TestWorkloads.poisson(50, 1e9), 3);
    sim.runFor(1000);
    sim.setMemoryLimit("db", 100); // working set 256 MiB: below half, OOM-killed
    IntervalMetrics down = sim.runFor(1000);
    assertEquals(0, down.services().get(4).readyReplicas());
    assertTrue(down.errored() > 0);
    sim.setMemoryLimit("db", 512);
    sim.runFor(1000); // restarts after its 1 s start-up delay
    IntervalMetrics up = sim.runFor(1000);
    assertEquals(1, up.services().get(4).readyReplicas());
    assertEquals(0, up.errored());
  }

  @Test
  void aMemoryLimitUnderTheWorkingSetSlowsBurstsUntilItIsRaised() {
    // Deterministic 10 ms bursts at 1 core and 1 req/s: the median call never queues, so a
    // window's p50 is one burst. Working set 256 MiB; MemoryModel: 1 + 8 (1 - limit/ws)^2.
    Simulation sim =
        Simulation.create(TestTopologies.singleQueue(1.0, 10, 0), TestWorkloads.poisson(1, 1e9), 4);
    assertEquals(10.0, sim.runFor(100_000).services().get(0).p50Ms(), 1e-9);
    sim.setMemoryLimit("queue", 192); // 75% of the working set: 1 + 8 * 0.25^2 = 1.5
    assertEquals(15.0, sim.runFor(100_000).services().get(0).p50Ms(), 1e-9);
    sim.setMemoryLimit("queue", 160); // 62.5%: 1 + 8 * 0.375^2 = 2.125
    assertEquals(21.25, sim.runFor(100_000).services().get(0).p50Ms(), 1e-9);
    sim.setMemoryLimit("queue", 512);
    assertEquals(10.0, sim.runFor(100_000).services().get(0).p50Ms(), 1e-9);
  }

  @Test
  void aSlowServiceTimesOutItsCallers() {
    // Every db call takes 2 ms of CPU at 0.01 cores = 200 ms, beyond the 40 ms timeout.
    Simulation sim =
        Simulation.create(TestTopologies.fanOut(1000, 40), TestWorkloads.poisson(5, 1e9), 4);
    sim.setCpuLimit("db", 0.01);
    IntervalMetrics m = sim.runFor(10_000);
    long searches = m.endpoints().get(0).arrived();
    assertTrue(searches > 10);
    assertTrue(m.endpoints().get(0).failed() >= searches - 2, "searches must time out");
    assertEquals(0, m.endpoints().get(1).failed(), "login does not touch db");
  }

  @Test
  void newReplicasServeOnlyAfterTheirStartupDelay() {
    Simulation sim =
        Simulation.create(TestTopologies.fanOut(100, 1000), TestWorkloads.poisson(10, 1e9), 5);
    sim.setReplicas("search", 3);
    IntervalMetrics starting = sim.runFor(999);
    assertEquals(3, starting.services().get(2).replicas());
    assertEquals(1, starting.services().get(2).readyReplicas());
    IntervalMetrics ready = sim.runFor(2);
    assertEquals(3, ready.services().get(2).readyReplicas());
    sim.setReplicas("search", 1);
    IntervalMetrics after = sim.runFor(1000);
    assertEquals(1, after.services().get(2).replicas());
  }
}
