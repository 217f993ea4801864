package dev.trimtab.faults.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.Fixtures;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.generate.CampaignGenerator;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.inject.SimulatedInjector;
import dev.trimtab.faults.spec.FaultKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LiveInjectorTest {
  private static final Topology SHOP = Fixtures.shop();

  private static Campaign campaign(String faults) {
    return CampaignLoader.parse("name: c\nfaults:\n" + faults, "test");
  }

  @ParameterizedTest
  @EnumSource(FaultKind.class)
  void supportedKindsDrawTheSimulatorsTargetsAndTheOthersAreRefusedByName(FaultKind kind) {
    Campaign c = CampaignGenerator.single(SHOP, kind, 100, 30, 5, 7);
    FakeTarget target = new FakeTarget(SHOP);
    if (!LiveInjector.SUPPORTED.contains(kind)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> LiveInjector.attach(target, c, 7));
      assertTrue(
          e.getMessage().contains("faults[0]: " + kind.yamlName() + " has no live form"),
          e.getMessage());
      assertTrue(e.getMessage().contains("latency-injection"), "lists what is supported");
      assertTrue(target.calls.isEmpty(), "nothing applied");
      return;
    }
    List<GroundTruth> live;
    try (LiveInjector injector = LiveInjector.attach(target, c, 7)) {
      live = injector.groundTruth();
    }
    Simulation sim = Simulation.create(SHOP, Fixtures.poisson(5), 7);
    try (SimulatedInjector simulated = SimulatedInjector.attach(sim, c, 7)) {
      assertEquals(simulated.groundTruth(), live, "same seed, same culprits and times");
    }
  }

  @Test
  void faultsStartAndEndWhenTheClockPassesTheirTimesAndLeversCombine() {
    FakeTarget t = new FakeTarget(SHOP);
    Campaign c =
        campaign(
            """
              - {kind: cpu-contention, target: {services: [db], mode: all}, startS: 10, durationS: 20, intensity: 0.5}
              - {kind: cpu-contention, target: {services: [db], mode: all}, startS: 20, durationS: 20, intensity: 0.5}
              - {kind: latency-injection, target: {services: [cart], mode: all}, startS: 15, durationS: 5, latencyMs: 150}
            """);
    try (LiveInjector inj = LiveInjector.attach(t, c, 1)) {
      inj.advanceTo(9_999);
      assertTrue(inj.active().isEmpty());
      assertTrue(t.calls.isEmpty(), "no lever is touched before the first fault");
      inj.advanceTo(10_000);
      assertEquals(0.55, t.cpuFactor.get("db"), 1e-12, "1 - 0.9 x 0.5");
      inj.advanceTo(15_000);
      assertEquals(Assault.latency(150), t.assault.get("cart"));
      inj.advanceTo(20_000);
      assertEquals(Assault.NONE, t.assault.get("cart"), "ended at 20 s");
      assertEquals(0.55 * 0.55, t.cpuFactor.get("db"), 1e-12, "two contentions multiply");
      inj.advanceTo(30_000);
      assertEquals(0.55, t.cpuFactor.get("db"), 1e-12, "the first ended: the second holds");
      inj.advanceTo(40_000);
      assertEquals(1.0, t.cpuFactor.get("db"), 1e-12);
      assertTrue(inj.active().isEmpty());
      assertTrue(t.clean());
    }
  }

  @Test
  void closeEndsEveryActiveFaultAndCancelsTheRestEvenWhenALeverFails() {
    FakeTarget t = new FakeTarget(SHOP);
    Campaign c =
        campaign(
            """
              - {kind: hang, target: {services: [db], mode: all}, startS: 1, durationS: 100}
              - {kind: rate-shift, startS: 1, durationS: 100, factor: 2}
              - {kind: mix-shift, startS: 1, durationS: 100, weights: {browse: 1}}
              - {kind: error-injection, target: {services: [cart], mode: all}, startS: 1, durationS: 100, probability: 0.5}
              - {kind: latency-injection, target: {services: [frontend], mode: all}, startS: 500, durationS: 5, latencyMs: 10}
            """);
    LiveInjector inj = LiveInjector.attach(t, c, 1);
    inj.advanceTo(2_000);
    assertTrue(t.frozen.get("db"));
    assertEquals(2, t.rateFactor);
    assertEquals(Map.of("browse", 1.0), t.mix);
    assertTrue(t.assault.get("cart").exceptionsActive());
    t.failAssaults = new IllegalStateException("replica down");
    IllegalStateException e = assertThrows(IllegalStateException.class, inj::close);
    assertTrue(e.getMessage().contains("replica down"), e.getMessage());
    assertFalse(t.frozen.get("db"), "thawed although the assault lever failed");
    assertEquals(1, t.rateFactor);
    assertEquals(null, t.mix);
    t.failAssaults = null;
    inj.advanceTo(600_000);
    assertFalse(t.calls.stream().anyMatch(s -> s.startsWith("assault frontend on")), "cancelled");
    inj.close();
  }

  @Test
  void aFlashCrowdFollowsTheSimulatorsSteps() {
    FakeTarget t = new FakeTarget(SHOP);
    Campaign c =
        campaign(
            "  - {kind: flash-crowd, startS: 10, durationS: 10, peakMultiple: 3, rampUpS: 4,"
                + " rampDownS: 4, stepS: 2}\n");
    try (LiveInjector inj = LiveInjector.attach(t, c, 1)) {
      // steps of 2 s hold the curve at their midpoints: 1 s -> 1.5, 3 s -> 2.5, 5 s -> 3,
      // 7 s -> 2.5, 9 s -> 1.5
      double[] expected = {1.5, 2.5, 3, 2.5, 1.5};
      for (int k = 0; k < 5; k++) {
        inj.advanceTo(10_000 + k * 2000 + 500);
        assertEquals(expected[k], t.rateFactor, 1e-12, "step " + k);
      }
      inj.advanceTo(20_000);
      assertEquals(1, t.rateFactor);
    }
  }

  @Test
  void aMisconfiguredLimitIsSetAndTheLimitFromBeforeRestoredAtItsEnd() {
    FakeTarget t = new FakeTarget(SHOP);
    Campaign c =
        campaign(
            "  - {kind: misconfigured-limit, target: {services: [db], mode: all}, startS: 1,"
                + " durationS: 2, cpuLimitCores: 0.1}\n");
    try (LiveInjector inj = LiveInjector.attach(t, c, 1)) {
      inj.advanceTo(1_000);
      assertEquals(0.1, t.cpuLimit.get("db"));
      inj.advanceTo(3_000);
      assertEquals(1.0, t.cpuLimit.get("db"), "the topology's limit");
    }
  }

  @Test
  void aServiceCrashKillsOnceAtItsStart() {
    FakeTarget t = new FakeTarget(SHOP);
    Campaign c =
        campaign(
            "  - {kind: service-crash, target: {services: [cart], mode: all}, startS: 1,"
                + " durationS: 5, replicas: 1}\n");
    try (LiveInjector inj = LiveInjector.attach(t, c, 1)) {
      for (int ms = 0; ms <= 10_000; ms += 500) {
        inj.advanceTo(ms);
      }
    }
    assertEquals(Map.of("cart", 1), t.killed);
  }

  @Test
  void aMemoryLeakIsAChaosMonkeyMemoryAssaultSizedByTheHeap() {
    FakeTarget t = new FakeTarget(SHOP);
    Campaign c =
        campaign(
            "  - {kind: memory-leak, target: {services: [db], mode: all}, startS: 0, durationS: 30,"
                + " leakMiBPerS: 5}\n");
    try (LiveInjector inj = LiveInjector.attach(t, c, 1)) {
      inj.advanceTo(0);
      Assault a = t.assault.get("db");
      assertTrue(a.memoryActive() && a.runtime());
      assertEquals(0.1, a.memoryFillIncrementFraction(), 1e-12, "5 MiB/s of half a 100 MiB heap");
      assertEquals(30_000, a.memoryMillisecondsHoldFilledMemory());
    }
    assertEquals(Assault.NONE, t.assault.get("db"));
  }

  @Test
  void aMixShiftNamingAnUnknownEndpointIsRefusedUpFront() {
    Campaign c =
        campaign("  - {kind: mix-shift, startS: 1, durationS: 2, weights: {checkout: 1}}\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LiveInjector.attach(new FakeTarget(SHOP), c, 1));
    assertTrue(e.getMessage().contains("no endpoint 'checkout'"), e.getMessage());
  }
}
