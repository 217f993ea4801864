package dev.trimtab.faults.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.faults.Fixtures;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.spec.BandwidthLimit;
import dev.trimtab.faults.spec.CpuContention;
import dev.trimtab.faults.spec.DiskIoContention;
import dev.trimtab.faults.spec.ErrorInjection;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.FlashCrowd;
import dev.trimtab.faults.spec.GpuThrottle;
import dev.trimtab.faults.spec.Hang;
import dev.trimtab.faults.spec.LatencyInjection;
import dev.trimtab.faults.spec.LimitResource;
import dev.trimtab.faults.spec.LlcContention;
import dev.trimtab.faults.spec.MemoryBandwidthContention;
import dev.trimtab.faults.spec.MemoryLeak;
import dev.trimtab.faults.spec.MisconfiguredLimit;
import dev.trimtab.faults.spec.MixShift;
import dev.trimtab.faults.spec.NetworkDelay;
import dev.trimtab.faults.spec.NetworkLoss;
import dev.trimtab.faults.spec.Partition;
import dev.trimtab.faults.spec.PayloadShift;
import dev.trimtab.faults.spec.RateShift;
import dev.trimtab.faults.spec.ServiceCrash;
import dev.trimtab.faults.spec.Target;
import dev.trimtab.faults.spec.TraceSwap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each fault kind, on the shop fixture at 20 req/s from 10 s to 20 s, moves what it should during
 * [10 s, 20 s) and leaves the rest as in the fault-free run; over [25 s, 45 s), after queues have
 * drained, service faults leave the run exactly as the fault-free one (deterministic demands, same
 * arrivals), and workload faults leave the rate and mix as they were, within Poisson tolerance.
 */
class FaultEffectsTest {
  private static final long SEED = 11;
  private static final Target DB = Target.all("db");
  private static final Runs BASE = run(null);

  record Runs(IntervalMetrics during, IntervalMetrics after) {}

  static Runs run(FaultSpec fault) {
    Simulation sim = Simulation.create(Fixtures.shop(), Fixtures.poisson(20), SEED);
    List<FaultSpec> faults = fault == null ? List.of() : List.of(fault);
    try (SimulatedInjector injector =
        SimulatedInjector.attach(sim, new Campaign("t", "", faults), SEED)) {
      sim.runFor(10_000);
      IntervalMetrics during = sim.runFor(fault instanceof MemoryLeak ? 9_000 : 10_000);
      sim.runFor(25_000 - sim.nowMs());
      return new Runs(during, sim.runFor(20_000));
    }
  }

  static ServiceMetrics svc(IntervalMetrics m, String name) {
    return m.services().stream().filter(s -> s.service().equals(name)).findFirst().orElseThrow();
  }

  static EndpointMetrics ep(IntervalMetrics m, String name) {
    return m.endpoints().stream().filter(e -> e.endpoint().equals(name)).findFirst().orElseThrow();
  }

  static double failShare(IntervalMetrics m, String endpoint) {
    return (double) ep(m, endpoint).failed() / ep(m, endpoint).arrived();
  }

  /** Removal is exact: after the fault, every service and endpoint metric equals the baseline's. */
  static void removedExactly(Runs r) {
    assertEquals(BASE.after.services(), r.after.services());
    assertEquals(BASE.after.endpoints(), r.after.endpoints());
  }

  /** The fault left infer (not on db's path) exactly as it was. */
  static void inferUntouched(Runs r) {
    assertEquals(svc(BASE.during, "infer"), svc(r.during, "infer"));
  }

  @Test
  void cpuContentionSlowsOnlyTheTarget() {
    Runs r = run(new CpuContention(DB, 10, 10, 1));
    // Capacity 0.1: the 3 ms burst takes 30 ms (queueing only adds).
    assertTrue(svc(r.during, "db").p50Ms() >= 30, "db p50 " + svc(r.during, "db").p50Ms());
    assertEquals(3, svc(BASE.during, "db").p50Ms(), 0.5);
    inferUntouched(r);
    removedExactly(r);
  }

  @Test
  void resourceContentionMultipliesTheTargetsBursts() {
    for (FaultSpec f :
        List.of(
            new MemoryBandwidthContention(DB, 10, 10, 1),
            new LlcContention(DB, 10, 10, 1),
            new DiskIoContention(DB, 10, 10, 1))) {
      Runs r = run(f);
      // Slowdown 1 + 3 x 1 = 4: 3 ms -> 12 ms at the median (low load, little queueing).
      assertEquals(12, svc(r.during, "db").p50Ms(), 1.5, f.kind().yamlName());
      inferUntouched(r);
      removedExactly(r);
    }
  }

  @Test
  void gpuThrottleHitsOnlyGpuServicesEvenWithAWildcard() {
    Runs r = run(new GpuThrottle(Target.all("*"), 10, 10, 1));
    // The clock is capped at 0.1 x 1530 MHz: t = 4 ms x (alpha / 0.1 + 1 - alpha), alpha of the
    // default GPU profile (ResNet-50 inference).
    double alpha =
        dev.trimtab.env.power.GpuDvfsModel.profile("dnn-inference").computeBoundFraction();
    double expected = 4 * (alpha / 0.1 + 1 - alpha);
    assertEquals(expected, svc(r.during, "infer").p50Ms(), expected * 0.15, "throttled median");
    assertTrue(svc(r.during, "infer").p50Ms() > 2 * svc(BASE.during, "infer").p50Ms());
    assertEquals(svc(BASE.during, "db"), svc(r.during, "db"));
    removedExactly(r);
  }

  @Test
  void networkDelayAddsToCallsIntoTheTargetOnly() {
    Runs r = run(new NetworkDelay(DB, 10, 10, 50, 0, null));
    assertEquals(ep(BASE.during, "browse").p50Ms() + 50, ep(r.during, "browse").p50Ms(), 2);
    assertEquals(ep(BASE.during, "predict"), ep(r.during, "predict"));
    removedExactly(r);
  }

  @Test
  void networkDelayOnAnEdgeDelaysThatEdgeOnly() {
    Runs r = run(new NetworkDelay(Target.all("frontend"), 10, 10, 30, 0, "infer"));
    assertEquals(ep(BASE.during, "predict").p50Ms() + 30, ep(r.during, "predict").p50Ms(), 2);
    assertEquals(ep(BASE.during, "browse"), ep(r.during, "browse"));
    removedExactly(r);
  }

  @Test
  void networkLossFailsAboutThatShareOfTheTargetsRequests() {
    Runs r = run(new NetworkLoss(DB, 10, 10, 0.5, null));
    // About 100 browse requests: binomial standard error 0.05; tolerance 0.15.
    assertEquals(0.5, failShare(r.during, "browse"), 0.15);
    assertEquals(0, ep(r.during, "predict").failed());
    removedExactly(r);
  }

  @Test
  void errorInjectionFailsAboutThatShareOfTheTargetsRequests() {
    Runs r = run(new ErrorInjection(DB, 10, 10, 0.3));
    assertEquals(0.3, failShare(r.during, "browse"), 0.15);
    assertTrue(svc(r.during, "db").errors() > 0);
    assertEquals(0, ep(r.during, "predict").failed());
    removedExactly(r);
  }

  @Test
  void bandwidthLimitQueuesCallsOnTheLink() {
    // 8 KiB at 1 Mbit/s = 65.536 ms on the link per call.
    Runs r = run(new BandwidthLimit(DB, 10, 10, 1, 8));
    assertTrue(ep(r.during, "browse").p50Ms() >= ep(BASE.during, "browse").p50Ms() + 65);
    assertEquals(ep(BASE.during, "predict"), ep(r.during, "predict"));
    removedExactly(r);
  }

  @Test
  void partitionFailsEveryCallAcrossItOnly() {
    Runs r = run(new Partition(Target.all("cart"), 10, 10, "db"));
    // Requests that reached db before 10 s may complete inside the window.
    assertTrue(failShare(r.during, "browse") > 0.95, "share " + failShare(r.during, "browse"));
    assertEquals(0, ep(r.during, "predict").failed());
    removedExactly(r);
  }

  @Test
  void hangTimesOutEveryCallIntoTheTarget() {
    Runs r = run(new Hang(DB, 10, 10));
    assertTrue(failShare(r.during, "browse") > 0.95);
    assertEquals(0, svc(r.during, "db").completed());
    assertEquals(0, ep(r.during, "predict").failed());
    removedExactly(r);
  }

  @Test
  void latencyInjectionAddsItsLatencyToTheTargetsCallers() {
    Runs r = run(new LatencyInjection(DB, 10, 10, 100));
    assertEquals(ep(BASE.during, "browse").p50Ms() + 100, ep(r.during, "browse").p50Ms(), 2);
    assertEquals(ep(BASE.during, "predict"), ep(r.during, "predict"));
    removedExactly(r);
  }

  @Test
  void memoryLeakGrowsTheTargetsWorkingSetAtItsRate() {
    Runs r = run(new MemoryLeak(DB, 10, 10, 10));
    // 9 s of leak at 10 MiB/s on a 256 MiB working set under a 512 MiB limit.
    assertEquals((256 + 90) / 512.0, svc(r.during, "db").memoryUtilisation(), 1e-9);
    assertEquals(0.5, svc(r.during, "cart").memoryUtilisation(), 1e-9);
    removedExactly(r);
  }

  @Test
  void misconfiguredCpuLimitHoldsForTheFaultAndIsRestored() {
    Runs r = run(new MisconfiguredLimit(DB, 10, 10, LimitResource.CPU, 0.1));
    assertEquals(0.1, svc(r.during, "db").cpuLimitCores());
    assertTrue(svc(r.during, "db").p50Ms() >= 30, "3 ms on a tenth of a core");
    assertEquals(1, svc(r.after, "db").cpuLimitCores());
    inferUntouched(r);
    removedExactly(r);
  }

  @Test
  void misconfiguredMemoryLimitSlowsByMemoryPressureAndIsRestored() {
    Runs r = run(new MisconfiguredLimit(DB, 10, 10, LimitResource.MEMORY, 192));
    // limit / working set = 0.75: slowdown 1 + 8 x 0.25^2 = 1.5, so 3 ms -> 4.5 ms.
    assertEquals(192, svc(r.during, "db").memoryLimitMiB());
    assertEquals(4.5, svc(r.during, "db").p50Ms(), 0.5);
    removedExactly(r);
  }

  @Test
  void payloadShiftLengthensTheTargetsBursts() {
    Runs r = run(new PayloadShift(Target.all("infer"), 10, 10, 3));
    assertEquals(12, svc(r.during, "infer").p50Ms(), 1.5);
    assertEquals(svc(BASE.during, "db"), svc(r.during, "db"));
    removedExactly(r);
  }

  @Test
  void serviceCrashTakesReadyReplicasToZeroThenBack() {
    Simulation sim = Simulation.create(Fixtures.shop(), Fixtures.poisson(20), SEED);
    Campaign c = new Campaign("crash", "", List.of(new ServiceCrash(DB, 10, 2, 1)));
    try (SimulatedInjector injector = SimulatedInjector.attach(sim, c, SEED)) {
      assertEquals(1, svc(sim.runFor(10_000), "db").readyReplicas());
      IntervalMetrics down = sim.runFor(500);
      assertEquals(0, svc(down, "db").readyReplicas());
      assertTrue(ep(down, "browse").failed() > 0);
      assertEquals(0, ep(down, "predict").failed());
      // Start-up delay 1000 ms: back at 11 s.
      assertEquals(0, svc(sim.runFor(499), "db").readyReplicas());
      assertEquals(1, svc(sim.runFor(2), "db").readyReplicas());
    }
    assertEquals(BASE.after.endpoints(), runAfter(c));
  }

  private static List<EndpointMetrics> runAfter(Campaign c) {
    Simulation sim = Simulation.create(Fixtures.shop(), Fixtures.poisson(20), SEED);
    try (SimulatedInjector injector = SimulatedInjector.attach(sim, c, SEED)) {
      sim.runFor(25_000);
      sim.runFor(0.001);
      return sim.runFor(20_000 - 0.001).endpoints();
    }
  }

  @Test
  void rateShiftScalesArrivalsAndRestoresTheRate() {
    Runs r = run(new RateShift(10, 10, 2));
    // About 200 baseline arrivals: ratio standard error about 0.12; tolerance 0.4.
    assertEquals(2, (double) r.during.arrived() / BASE.during.arrived(), 0.4);
    workloadRestored(r);
  }

  @Test
  void flashCrowdRaisesArrivalsByItsMeanMultiple() {
    // Ramps of 2 s up and down around 6 s at 3x: mean multiple (2x2 + 6x3 + 2x2) / 10 = 2.6.
    Runs r = run(new FlashCrowd(10, 10, 3, 2, 2, 0.5));
    assertEquals(2.6, (double) r.during.arrived() / BASE.during.arrived(), 0.5);
    workloadRestored(r);
  }

  @Test
  void mixShiftSendsRequestsToTheChosenEndpoint() {
    Runs r = run(new MixShift(10, 10, Map.of("predict", 1.0)));
    assertEquals(0, ep(r.during, "browse").arrived());
    assertEquals(r.during.arrived(), ep(r.during, "predict").arrived());
    workloadRestored(r);
  }

  @Test
  void traceSwapChangesRateAndMix() {
    Runs r = run(new TraceSwap(10, 10, "night", 0.5, Map.of("browse", 1.0)));
    assertEquals(0, ep(r.during, "predict").arrived());
    assertEquals(0.5, (double) r.during.arrived() / BASE.during.arrived(), 0.15);
    workloadRestored(r);
  }

  /** 400 arrivals expected after: Poisson standard error 5%; tolerance 20%, and a 50/50 mix. */
  private static void workloadRestored(Runs r) {
    assertEquals(1, (double) r.after.arrived() / BASE.after.arrived(), 0.2);
    assertEquals(0.5, (double) ep(r.after, "browse").arrived() / r.after.arrived(), 0.1);
    assertEquals(0, r.after.errored());
  }
}
