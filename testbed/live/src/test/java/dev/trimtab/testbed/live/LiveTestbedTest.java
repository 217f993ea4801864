package dev.trimtab.testbed.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.topology.TopologyLoader;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.live.ChaosMonkeyClient;
import dev.trimtab.faults.live.LiveInjector;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.SimulatedWindows;
import dev.trimtab.rca.model.ModelKind;
import dev.trimtab.rca.model.RcaModel;
import dev.trimtab.rca.model.RcaTrainer;
import dev.trimtab.rca.model.TrainOptions;
import dev.trimtab.rca.online.OnlineRca;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.testbed.live.launch.Layout;
import dev.trimtab.testbed.live.otlp.LiveSpan;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live testbed's acceptance tests that need running services: three Spring Boot processes with
 * the OpenTelemetry agent, on 127.0.0.1 only. Bounded: every wait has a deadline, the class a
 * timeout. Where this host's cgroups are not writable the testbed runs in its no-limits mode, and
 * the quota test says so instead of passing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class LiveTestbedTest {
  static final Path CI_SHOP = Path.of("src/test/resources/ci-shop.yaml");

  private Topology topology;
  private Testbed testbed;

  @BeforeAll
  void start(@TempDir Path state) {
    topology = TopologyLoader.load(CI_SHOP);
    testbed =
        Testbed.start(
            TestbedConfig.of(topology, state),
            Layout.find(),
            line -> System.err.println("testbed: " + line));
    System.err.println("testbed: limits " + testbed.limitsDescription());
    // Fresh JVMs compile their hot paths in the first seconds under load; measure after that.
    try (LiveRun warmUp = LiveRun.start(testbed, topology, poisson(20), 9, null)) {
      for (int i = 0; i < 4; i++) {
        warmUp.runFor(5000, null);
      }
    }
  }

  @AfterAll
  void stop() {
    if (testbed != null) {
      testbed.close();
    }
  }

  private static Workload poisson(double rate) {
    return WorkloadLoader.parseSpec("poisson:rate=" + rate, Path.of("."));
  }

  /** The analyser trained on simulated runs of the same topology with latency injected. */
  private RcaModel trainOnSimulatedRuns() {
    List<LabelledWindow> windows = new ArrayList<>();
    SimulatedWindows.Options o = new SimulatedWindows.Options(1.0, 2, 2, 12, 0.5, 10);
    for (long seed = 1; seed <= 6; seed++) {
      Campaign c =
          CampaignLoader.parse(
              "name: train\nfaults:\n  - {kind: latency-injection, target: {services: [front,"
                  + " catalog, db], mode: one}, startS: 14, durationS: 10, latencyMs: "
                  + (40 + 20 * seed)
                  + "}\n",
              "training");
      windows.addAll(SimulatedWindows.run("s" + seed, topology, poisson(20), c, 30, seed, o));
    }
    return RcaTrainer.fit(windows, TrainOptions.defaults(ModelKind.LINEAR_SVM, 1));
  }

  @Test
  void aLatencyAssaultShowsInSpansTheAnalyserNamesTheServiceAndDisablingRestores() {
    RcaModel model = trainOnSimulatedRuns();
    OnlineRca rca = new OnlineRca(model, 2, 12, 10);
    List<LiveSpan> catalogSpans = new ArrayList<>();
    Campaign campaign =
        CampaignLoader.parse(
            "name: assault\nfaults:\n  - {kind: latency-injection, target: {services: [catalog],"
                + " mode: all}, startS: 14, durationS: 10, latencyMs: 100}\n",
            "test");
    List<String> top = new ArrayList<>();
    double[] catalogP50 = new double[15];
    try (LiveRun run =
            LiveRun.start(
                testbed,
                topology,
                poisson(20),
                1,
                (hi, lo, id, parent, service, op, endpoint, startMs, endMs, error) ->
                    rca.add(
                        new Span(
                            Long.toHexString(hi) + Long.toHexString(lo),
                            Long.toHexString(id),
                            parent == 0 ? null : Long.toHexString(parent),
                            service,
                            op,
                            Math.round(startMs * 1e6),
                            Math.round(endMs * 1e6),
                            error,
                            false)));
        LiveInjector faults = LiveInjector.attach(testbed, campaign, 1)) {
      for (int i = 0; i < 15; i++) {
        IntervalMetrics m = run.runFor(2000, faults::advanceTo);
        catalogP50[i] = service(m, "catalog").p50Ms();
        List<String> ranked = rca.endInterval(m.startMs() / 1000, m.endMs() / 1000).services();
        top.add(ranked.isEmpty() ? "-" : ranked.get(0));
        if (i == 9) {
          assertTrue(
              new ChaosMonkeyClient(testbed.readyReplicas("catalog").get(0)).enabled(),
              "Chaos Monkey is on in catalog while the assault lasts");
        }
      }
    }
    System.err.println("catalog p50 per 2 s: " + Arrays.toString(catalogP50) + "; top-1: " + top);
    double before = median(catalogP50, 2, 7);
    double during = median(catalogP50, 8, 12);
    double after = median(catalogP50, 13, 15);
    assertTrue(during >= 100, "catalog's server spans hold the 100 ms sleep: " + during);
    assertTrue(before < 60, "not before: " + before);
    assertTrue(after < 60, "nor after it was disabled: " + after);
    long named = top.subList(7, 12).stream().filter("catalog"::equals).count();
    assertTrue(named >= 3, "the analyser names catalog in most intervals of the assault: " + top);
    assertFalse(
        new ChaosMonkeyClient(testbed.readyReplicas("catalog").get(0)).enabled(),
        "disabled when the fault ended");
  }

  private static ServiceMetrics service(IntervalMetrics m, String name) {
    return m.services().stream().filter(s -> s.service().equals(name)).findFirst().orElseThrow();
  }

  private static double median(double[] v, int from, int to) {
    double[] part = Arrays.copyOfRange(v, from, to);
    Arrays.sort(part);
    return part[part.length / 2];
  }

  @Test
  void halvingAQuotaUnderLoadRaisesP99AndRestoringItLowersIt() {
    String s = "catalog";
    double limit = topology.service(s).cpuLimitCores();
    double[] p99 = new double[3];
    // 50 req/s: about half of catalog's quota busy, so half the quota cannot keep up
    try (LiveRun run = LiveRun.start(testbed, topology, poisson(50), 2, null)) {
      run.runFor(12_000, null);
      for (int phase = 0; phase < 3; phase++) {
        testbed.setCpuLimit(s, phase == 1 ? limit / 2 : limit);
        run.runFor(3000, null);
        double[] p = new double[5];
        for (int i = 0; i < p.length; i++) {
          p[i] = service(run.runFor(3000, null), s).p99Ms();
        }
        p99[phase] = median(p, 0, p.length);
      }
    } finally {
      testbed.setCpuLimit(s, limit);
    }
    System.err.println("catalog p99 at full, half and restored quota: " + Arrays.toString(p99));
    if (!testbed.enforcesLimits()) {
      Assumptions.abort(
          "cgroups are not writable here, so the testbed ran in its no-limits mode ("
              + testbed.limitsDescription()
              + "): quotas are not enforced and p99 is not expected to follow them");
    }
    assertTrue(p99[1] > 1.5 * p99[0], "half the quota, higher p99: " + Arrays.toString(p99));
    assertTrue(p99[2] < p99[1] / 1.5, "restored, lower again: " + Arrays.toString(p99));
  }

  @Test
  void everyAssaultIsDisabledWhenARunFailsMidway() {
    URI catalog = testbed.readyReplicas("catalog").get(0);
    Campaign c =
        CampaignLoader.parse(
            "name: f\nfaults:\n  - {kind: error-injection, target: {services: [catalog], mode:"
                + " all}, startS: 0, durationS: 600, probability: 0.5}\n",
            "test");
    try (LiveInjector faults = LiveInjector.attach(testbed, c, 1)) {
      faults.advanceTo(0);
      assertTrue(new ChaosMonkeyClient(catalog).enabled());
      throw new IllegalStateException("the run fails");
    } catch (IllegalStateException expected) {
      assertEquals("the run fails", expected.getMessage());
    }
    assertFalse(new ChaosMonkeyClient(catalog).enabled());
    assertFalse(new ChaosMonkeyClient(catalog).assaults().path("exceptionsActive").asBoolean());
  }

  @Test
  void theLiveEnvStepsTheTestbedWithTheSimulatorsObservationAndActions() {
    try (LiveEnv<int[]> env =
        LiveEnv.discrete(
            testbed, LiveEnvConfig.of(topology, poisson(10), 3).withIntervalMs(1000))) {
      var reset = env.reset(4);
      assertEquals(List.of("front", "catalog", "db"), List.copyOf(reset.resets().keySet()));
      java.util.Map<String, int[]> keep = new java.util.LinkedHashMap<>();
      for (String a : env.agents()) {
        keep.put(a, new int[] {1, 1, 1, 1});
      }
      keep.put("db", new int[] {1, 2, 1, 1});
      var step = env.step(keep);
      assertEquals(
          0.5 * 1.25, env.cpuLimitCores("db"), 1e-12, "the action's +25% reached the testbed");
      assertEquals(0.5 * 1.25, testbed.cpuLimitCores("db"), 1e-12);
      for (var e : step.steps().entrySet()) {
        assertTrue(env.observationSpace(e.getKey()).contains(e.getValue().observation()));
        assertTrue(Double.isFinite(e.getValue().reward()));
      }
      assertTrue(env.stateSpace().contains(env.state()));
      keep.put("db", new int[] {1, 1, 1, 1});
      env.step(keep);
      var last = env.step(keep);
      assertTrue(last.steps().values().stream().allMatch(s -> s.truncated()), "3 steps");
      assertTrue(env.agents().isEmpty());
    }
  }
}
