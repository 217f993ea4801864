package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each perturbation hook moves what it should by the hand-computed amount, and removing it restores
 * the run exactly.
 */
class PerturbationsTest {
  private static final double DEMAND_MS = 10;

  /** Client -> front (2 ms, deterministic) -> back (10 ms, deterministic); no network hop. */
  private static Topology chain(double timeoutMs) {
    ServiceSpec front = TestTopologies.service("front", 1, 2, 0, 1000, timeoutMs);
    ServiceSpec back = TestTopologies.service("back", 1, DEMAND_MS, 0, 1000, timeoutMs);
    ServiceSpec other = TestTopologies.service("other", 1, 1, 0, 1000, timeoutMs);
    return new Topology(
        "chain",
        "two deterministic services in a row, and an endpoint that avoids back",
        0,
        List.of(front, back, other),
        List.of(
            new EndpointSpec(
                "deep",
                1,
                new Slo(99, 100),
                TestTopologies.call(
                    "front", 1, TestTopologies.seq(TestTopologies.call("back", 1)))),
            new EndpointSpec(
                "shallow",
                1,
                new Slo(99, 100),
                TestTopologies.call(
                    "front", 1, TestTopologies.seq(TestTopologies.call("other", 1))))));
  }

  private static Simulation lowLoad(double timeoutMs) {
    return Simulation.create(chain(timeoutMs), TestWorkloads.poisson(0.5, 1e12), 42);
  }

  /** Median latency of the deep endpoint over 20 minutes at 0.5 req/s (calls rarely overlap). */
  private static double deepMedian(Simulation sim) {
    return sim.runFor(1_200_000).endpoints().get(0).p50Ms();
  }

  private static double shallowMedian(IntervalMetrics m) {
    return m.endpoints().get(1).p50Ms();
  }

  @Test
  void cpuContentionStretchesBurstsByTheLostCapacity() {
    Simulation sim = lowLoad(1e9);
    sim.perturbations().cpuContention("back", 0.5);
    assertEquals(2 + 2 * DEMAND_MS, deepMedian(sim), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory-bandwidth", "llc", "disk-io"})
  void resourceSlowdownsMultiplyTheBurst(String kind) {
    Simulation sim = lowLoad(1e9);
    Perturbations p = sim.perturbations();
    switch (kind) {
      case "memory-bandwidth" -> p.memoryBandwidthSlowdown("back", 3);
      case "llc" -> p.llcSlowdown("back", 3);
      default -> p.diskIoSlowdown("back", 3);
    }
    assertEquals(2 + 3 * DEMAND_MS, deepMedian(sim), 1e-9);
  }

  @Test
  void networkDelayOnAServiceAddsToEveryCallIntoIt() {
    Simulation sim = lowLoad(1e9);
    sim.perturbations().networkDelay("back", 25, 0);
    IntervalMetrics m = sim.runFor(1_200_000);
    assertEquals(2 + DEMAND_MS + 25, m.endpoints().get(0).p50Ms(), 1e-9);
    assertEquals(2 + 1, shallowMedian(m), 1e-9, "calls to other are not delayed");
  }

  @Test
  void networkDelayOnAnEdgeLeavesOtherCallersAlone() {
    Simulation sim = lowLoad(1e9);
    sim.perturbations().networkDelay("front", "other", 7, 0);
    IntervalMetrics m = sim.runFor(1_200_000);
    assertEquals(2 + DEMAND_MS, m.endpoints().get(0).p50Ms(), 1e-9);
    assertEquals(2 + 1 + 7, shallowMedian(m), 1e-9);
  }

  @Test
  void lossFailsAboutThatShareOfCallsByTimeout() {
    Simulation sim =
        Simulation.create(chain(50), TestWorkloads.poisson(20, 1e12), 42); // 24,000 requests
    sim.perturbations().networkLoss("back", 0.3);
    IntervalMetrics m = sim.runFor(1_200_000);
    EndpointMetrics deep = m.endpoints().get(0);
    double share = (double) deep.failed() / deep.arrived();
    // Binomial standard error with ~12,000 trials is 0.004; tolerance 0.02.
    assertEquals(0.3, share, 0.02);
    assertEquals(0, m.endpoints().get(1).failed());
    assertEquals(m.erroredTotal(), deep.failed(), "a lost call ends as a timeout error");
  }

  @Test
  void partitionCutsBothDirectionsOfOneEdgeOnly() {
    Simulation sim = Simulation.create(chain(50), TestWorkloads.poisson(5, 1e12), 42);
    sim.perturbations().partition("front", "back");
    IntervalMetrics m = sim.runFor(100_000);
    assertEquals(m.endpoints().get(0).arrived(), m.endpoints().get(0).failed());
    assertEquals(0, m.endpoints().get(1).failed());
  }

  @Test
  void bandwidthLimitAddsTransmissionTime() {
    Simulation sim = lowLoad(1e9);
    // 8 KiB at 1 Mbit/s: 8 * 8192 bits / 1000 bits per ms = 65.536 ms.
    sim.perturbations().bandwidthLimit("back", 1, 8);
    assertEquals(2 + DEMAND_MS + 65.536, deepMedian(sim), 1e-9);
  }

  @Test
  void errorRateFailsAboutThatShareOfCalls() {
    Simulation sim = Simulation.create(chain(1e9), TestWorkloads.poisson(20, 1e12), 42);
    sim.perturbations().errorRate("back", 0.2);
    IntervalMetrics m = sim.runFor(1_200_000);
    EndpointMetrics deep = m.endpoints().get(0);
    assertEquals(0.2, (double) deep.failed() / deep.arrived(), 0.02);
    assertEquals(0, m.endpoints().get(1).failed());
  }

  @Test
  void aHungServiceTimesEveryCallOutAndRecoversWhenRemoved() {
    Simulation sim = Simulation.create(chain(100), TestWorkloads.poisson(5, 1e12), 42);
    Perturbation hang = sim.perturbations().hang("back");
    IntervalMetrics hung = sim.runFor(60_000);
    assertTrue(hung.endpoints().get(0).arrived() > 100);
    // The last ~100 ms of calls are still waiting for their deadline at the end of the interval.
    long deepFailed = hung.endpoints().get(0).failed();
    assertTrue(deepFailed >= hung.endpoints().get(0).arrived() - 3);
    assertEquals(0, hung.endpoints().get(0).completed());
    hang.remove();
    sim.runFor(1000);
    IntervalMetrics after = sim.runFor(60_000);
    assertEquals(0, after.endpoints().get(0).failed());
    // A deep request holds at most two call slots (front and back); held calls were freed.
    assertTrue(sim.cluster().calls.live() <= 2 * after.inFlight(), "no slot is held forever");
  }

  @Test
  void aMemoryLeakOomKillsAtTheHandComputedTime() {
    // Working set 256 MiB, limit 512 MiB: OOM once the working set passes 1024 MiB, i.e. after
    // 768 MiB of leak at 10 MiB/s = 76.8 s.
    Simulation sim = lowLoad(1e9);
    sim.perturbations().memoryLeak("back", 10);
    IntervalMetrics at10s = sim.runFor(10_000);
    assertEquals((256 + 100) / 512.0, at10s.services().get(1).memoryUtilisation(), 1e-9);
    sim.runFor(66_700); // t = 76.7 s
    assertEquals(1, sim.runFor(99).services().get(1).readyReplicas()); // t = 76.799 s
    IntervalMetrics killed = sim.runFor(2); // t = 76.801 s
    assertEquals(0, killed.services().get(1).readyReplicas());
  }

  @Test
  void rateMultiplierScalesArrivalsAndRemovalRestoresTheRate() {
    Simulation sim = Simulation.create(chain(1e9), TestWorkloads.poisson(50, 1e12), 42);
    long base = sim.runFor(200_000).arrived();
    Perturbation doubled = sim.perturbations().rateMultiplier(2);
    long twice = sim.runFor(200_000).arrived();
    doubled.remove();
    long again = sim.runFor(200_000).arrived();
    // 10,000 expected arrivals per window: Poisson standard error 1%; tolerance 4%.
    assertEquals(2.0, (double) twice / base, 0.08);
    assertEquals(1.0, (double) again / base, 0.04);
  }

  @Test
  void mixShiftSendsEveryRequestToTheChosenEndpoint() {
    Simulation sim = Simulation.create(chain(1e9), TestWorkloads.poisson(50, 1e12), 42);
    sim.perturbations().mixShift(Map.of("shallow", 1.0));
    IntervalMetrics m = sim.runFor(10_000);
    assertEquals(0, m.endpoints().get(0).arrived());
    assertEquals(m.arrived(), m.endpoints().get(1).arrived());
    assertThrows(
        IllegalArgumentException.class, () -> sim.perturbations().mixShift(Map.of("nope", 1.0)));
  }

  @Test
  void crashKillsReplicasThatRestartAfterTheirStartupDelay() {
    Simulation sim = Simulation.create(chain(1e9), TestWorkloads.poisson(50, 1e12), 42);
    sim.runFor(1000);
    sim.perturbations().crash("back", 1);
    IntervalMetrics down = sim.runFor(999);
    assertEquals(0, down.services().get(1).readyReplicas());
    assertTrue(down.endpoints().get(0).failed() > 0);
    IntervalMetrics up = sim.runFor(1000);
    assertEquals(1, up.services().get(1).readyReplicas());
  }

  /** Every hook, added and removed at one instant, leaves the run bit-for-bit unchanged. */
  @Test
  void removingAnyPerturbationRestoresTheExactRun() {
    List<Function<Perturbations, Perturbation>> hooks =
        List.of(
            p -> p.cpuContention("back", 0.3),
            p -> p.memoryBandwidthSlowdown("back", 2),
            p -> p.llcSlowdown("back", 2),
            p -> p.diskIoSlowdown("back", 2),
            p -> p.networkDelay("back", 5, 1),
            p -> p.networkDelay("front", "back", 5, 1),
            p -> p.networkLoss("back", 0.5),
            p -> p.networkLoss("front", "back", 0.5),
            p -> p.partition("front", "back"),
            p -> p.bandwidthLimit("back", 1, 8),
            p -> p.errorRate("back", 0.5),
            p -> p.hang("back"),
            p -> p.memoryLeak("back", 100),
            p -> p.rateMultiplier(3),
            p -> p.mixShift(Map.of("deep", 1.0)));
    List<IntervalMetrics> baseline = run(null);
    for (Function<Perturbations, Perturbation> hook : hooks) {
      assertEquals(baseline, run(hook), "a hook changed the run after its removal");
    }
  }

  private static List<IntervalMetrics> run(Function<Perturbations, Perturbation> hook) {
    Simulation sim = Simulation.create(chain(200), TestWorkloads.poisson(80, 1e12), 9);
    List<IntervalMetrics> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      if (i == 10 && hook != null) {
        hook.apply(sim.perturbations()).remove();
      }
      out.add(sim.runFor(250));
    }
    return out;
  }

  @Test
  void scheduledActionsStartAndEndAPerturbationAtExactTimesInsideAnInterval() {
    // Hang back from 10.0 s to 10.5 s: only deep requests issued in that window (or whose back
    // call was outstanding at 10.0 s) fail, each by the 100 ms timeout.
    Simulation sim = Simulation.create(chain(100), TestWorkloads.poisson(20, 1e12), 42);
    Perturbation[] hang = new Perturbation[1];
    sim.at(10_000, () -> hang[0] = sim.perturbations().hang("back"));
    sim.at(10_500, () -> hang[0].remove());
    IntervalMetrics before = sim.runFor(9_990);
    IntervalMetrics during = sim.runFor(10_000);
    assertEquals(0, before.endpoints().get(0).failed());
    long failed = during.endpoints().get(0).failed();
    // About 20 req/s * 0.5 s / 2 endpoints = 5 deep requests in the window.
    assertTrue(failed >= 1 && failed <= 15, "failed " + failed);
    assertThrows(IllegalArgumentException.class, () -> sim.at(5, () -> {}));
  }

  @Test
  void badArgumentsAreRejectedWithTheirRange() {
    Perturbations p = lowLoad(1e9).perturbations();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.cpuContention("back", 1.5));
    assertTrue(e.getMessage().contains("capacityFraction must be in (0.0, 1.0]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.networkLoss("back", -0.1));
    assertThrows(IllegalArgumentException.class, () -> p.hang("nope"));
  }
}
