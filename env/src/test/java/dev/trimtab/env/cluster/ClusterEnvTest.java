package dev.trimtab.env.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.power.CarbonIntensity;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.WorkloadLoader;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClusterEnvTest {
  private static final int[] KEEP = {1, 1, 1, 1};
  private static final int[] CPU_UP = {1, 2, 1, 1};

  /** A front end (1 core, 1 ms) calling a worker (1 core, 10 ms per call). */
  static Topology frontAndWorker() {
    CallNode worker = new CallNode("worker", "op", 1, List.of());
    CallNode root = new CallNode("front", "op", 1, List.of(new CallNode.Step(List.of(worker))));
    return new Topology(
        "front-worker",
        "two services",
        0,
        List.of(service("front", 1), service("worker", 10)),
        List.of(new EndpointSpec("op", 1, new Slo(99, 100), root)));
  }

  private static ServiceSpec service(String name, double meanMs) {
    return new ServiceSpec(
        name,
        ServiceKind.CPU,
        1,
        1,
        512,
        256,
        100_000,
        60_000,
        1000,
        List.of(new OperationSpec("op", new Demand(meanMs, 1))));
  }

  private static ClusterEnv<int[]> env(double ratePerS, int steps) {
    return ClusterEnv.discrete(
        ClusterEnvConfig.of(
            frontAndWorker(),
            WorkloadLoader.parseSpec("poisson:rate=" + ratePerS, Path.of(".")),
            steps));
  }

  private static Map<String, int[]> actions(int[] front, int[] worker) {
    Map<String, int[]> a = new LinkedHashMap<>();
    a.put("front", front);
    a.put("worker", worker);
    return a;
  }

  @Test
  void aLargerCpuLimitOnASaturatedServiceLowersItsP99() {
    // The worker is offered 95 req/s x 10 ms = 0.95 cores on a 1-core limit: saturated.
    ClusterEnv<int[]> kept = env(95, 30);
    ClusterEnv<int[]> raised = env(95, 30);
    kept.reset(3);
    raised.reset(3);
    for (int i = 0; i < 20; i++) {
      kept.step(actions(KEEP, KEEP));
      raised.step(actions(KEEP, KEEP));
    }
    ServiceMetrics before =
        kept.step(actions(KEEP, KEEP)).step("worker").info().get(ClusterEnv.SERVICE).orElseThrow();
    ParallelStep<String, double[]> up = raised.step(actions(KEEP, CPU_UP));
    assertEquals(1.25, raised.simulation().cpuLimitCores("worker"), 1e-12, "one 25% step up");
    ServiceMetrics after = up.step("worker").info().get(ClusterEnv.SERVICE).orElseThrow();
    assertTrue(
        after.p99Ms() < before.p99Ms(),
        "p99 with 1.25 cores " + after.p99Ms() + " vs 1 core " + before.p99Ms());
  }

  @Test
  void observationsLieInTheirSpaceAndStateConcatenatesThem() {
    ClusterEnv<int[]> env = env(50, 5);
    env.reset(1);
    ParallelStep<String, double[]> step = env.step(actions(KEEP, KEEP));
    double[] state = env.state();
    assertTrue(env.stateSpace().contains(state));
    for (int s = 0; s < 2; s++) {
      String agent = env.possibleAgents().get(s);
      double[] obs = step.observations().get(agent);
      assertTrue(env.observationSpace(agent).contains(obs), agent);
      for (int k = 0; k < Observation.SIZE; k++) {
        assertEquals(obs[k], state[s * Observation.SIZE + k]);
      }
    }
    assertSame(env.observationSpace("front"), env.observationSpace("front"));
    assertSame(env.actionSpace("worker"), env.actionSpace("worker"));
  }

  @Test
  void observationAndRewardMatchTheIntervalByHand() {
    ClusterEnv<int[]> env =
        ClusterEnv.discrete(
            ClusterEnvConfig.of(
                    frontAndWorker(), WorkloadLoader.parseSpec("poisson:rate=40", Path.of(".")), 10)
                .withCarbon(CarbonIntensity.constant(250)));
    env.reset(5);
    env.step(actions(KEEP, KEEP));
    ParallelStep<String, double[]> step = env.step(actions(KEEP, KEEP));
    IntervalMetrics m = step.step("worker").info().get(ClusterEnv.INTERVAL).orElseThrow();
    ServiceMetrics w = m.services().get(1);
    double[] o = step.observations().get("worker");
    assertEquals(w.cpuUtilisation(), o[Observation.CPU_UTILISATION], 1e-12);
    assertEquals(256.0 / 512, o[Observation.MEMORY_UTILISATION], 1e-12);
    assertEquals(0, o[Observation.GPU_UTILISATION]);
    assertEquals(1.0 / 10, o[Observation.REPLICAS], 1e-12, "1 of at most 10 replicas");
    assertEquals(1.0 / 8, o[Observation.CPU_LIMIT], 1e-12, "1 of at most 8 cores");
    assertEquals(512.0 / 16384, o[Observation.MEMORY_LIMIT], 1e-12);
    assertEquals(0.25, o[Observation.CARBON_INTENSITY], 1e-12, "250 of 1000 g/kWh");
    assertEquals(1, o[Observation.REQUEST_MIX], "its one endpoint gets every request");
    assertEquals(Math.min(10, w.p99Ms() / 100), o[Observation.LATENCY_OVER_SLO], 1e-12);
    double sm =
        m.endpoints().get(0).sloLatencyMs() <= 100 ? 1 : 100 / m.endpoints().get(0).sloLatencyMs();
    assertEquals(sm, o[Observation.SLO_MAINTENANCE], 1e-12);
    // FIRM's form with alpha 0.5 plus the default energy (per kJ) and carbon (per g) terms
    double u = (Math.min(1, w.cpuUtilisation()) + Math.min(1, w.memoryUtilisation())) / 2;
    double expected = 0.5 * sm + 0.5 * u - 0.05 * w.energyJ() / 1000 - 0.05 * w.carbonG() / 1;
    assertEquals(expected, step.rewards().get("worker"), 1e-12);
  }

  @Test
  void episodesAreTruncatedNeverTerminatedAndAgentsLeaveTogether() {
    ClusterEnv<int[]> env = env(20, 3);
    env.reset(1);
    for (int i = 0; i < 2; i++) {
      ParallelStep<String, double[]> s = env.step(actions(KEEP, KEEP));
      assertFalse(s.truncations().get("front"));
      assertEquals(List.of("front", "worker"), env.agents());
    }
    ParallelStep<String, double[]> last = env.step(actions(KEEP, KEEP));
    assertEquals(Map.of("front", true, "worker", true), last.truncations());
    assertEquals(Map.of("front", false, "worker", false), last.terminations());
    assertTrue(env.agents().isEmpty());
    assertThrows(IllegalStateException.class, () -> env.step(actions(KEEP, KEEP)));
  }

  @Test
  void sameSeedSameEpisodeAndResetContinuesTheSeedStream() {
    ClusterEnv<int[]> a = env(60, 4);
    ClusterEnv<int[]> b = env(60, 4);
    a.reset(9);
    b.reset(9);
    for (int i = 0; i < 4; i++) {
      ParallelStep<String, double[]> x = a.step(actions(CPU_UP, KEEP));
      ParallelStep<String, double[]> y = b.step(actions(CPU_UP, KEEP));
      assertArrayEquals(x.observations().get("worker"), y.observations().get("worker"));
      assertEquals(x.rewards(), y.rewards());
    }
    a.reset();
    b.reset(9);
    double pa = a.step(actions(KEEP, KEEP)).observations().get("worker")[0];
    double pb = b.step(actions(KEEP, KEEP)).observations().get("worker")[0];
    assertTrue(pa != pb, "the second episode draws a new seed from the stream");
  }

  @Test
  void boundsHoldWhateverTheAgentsAsk() {
    ClusterEnv<int[]> env = env(20, 40);
    env.reset(2);
    int[] allDown = {0, 0, 0, 0};
    for (int i = 0; i < 30; i++) {
      env.step(actions(allDown, new int[] {2, 2, 2, 2}));
    }
    assertEquals(1, env.simulation().replicas("front"));
    assertEquals(0.1, env.simulation().cpuLimitCores("front"), 1e-12);
    assertEquals(64, env.simulation().memoryLimitMiB("front"), 1e-12);
    assertEquals(10, env.simulation().replicas("worker"));
    assertEquals(8, env.simulation().cpuLimitCores("worker"), 1e-12);
    assertEquals(16384, env.simulation().memoryLimitMiB("worker"), 1e-12);
  }

  @Test
  void badActionsAreRefused() {
    ClusterEnv<int[]> env = env(20, 5);
    env.reset(2);
    assertThrows(IllegalArgumentException.class, () -> env.step(Map.of("front", KEEP)));
    assertThrows(
        IllegalArgumentException.class, () -> env.step(actions(KEEP, new int[] {3, 1, 1, 1})));
  }

  @Test
  void theCriticalFlagComesFromItsSourceWhichIsResetEachEpisodeAndSetupIsClosedAtTheEnd() {
    AtomicInteger closed = new AtomicInteger();
    int[] spansSeen = {0};
    AtomicInteger resets = new AtomicInteger();
    CriticalServiceSource flagWorker =
        new CriticalServiceSource() {
          @Override
          public double samplingRate() {
            return 1;
          }

          @Override
          public Set<String> critical(IntervalMetrics interval, List<SpanData> spans) {
            spansSeen[0] += spans.size();
            return Set.of("worker");
          }

          @Override
          public void reset() {
            resets.incrementAndGet();
          }
        };
    ClusterEnv<double[]> env =
        ClusterEnv.continuous(
            ClusterEnvConfig.of(
                    frontAndWorker(), WorkloadLoader.parseSpec("poisson:rate=20", Path.of(".")), 2)
                .withCritical(flagWorker)
                .withSetup((sim, seed) -> closed::incrementAndGet));
    env.reset(4);
    assertEquals(1, resets.get(), "the source forgets its history when an episode starts");
    Map<String, double[]> zero = Map.of("front", new double[4], "worker", new double[4]);
    ParallelStep<String, double[]> s = env.step(zero);
    assertEquals(1, s.observations().get("worker")[Observation.CRITICAL]);
    assertEquals(0, s.observations().get("front")[Observation.CRITICAL]);
    assertTrue(spansSeen[0] > 10, "spans of the traced requests reach the source");
    assertEquals(0, closed.get());
    env.step(zero);
    assertEquals(1, closed.get(), "closed when the episode ends");
    env.reset();
    assertEquals(2, resets.get());
    env.close();
    assertEquals(2, closed.get(), "closed when the env closes");
  }
}
