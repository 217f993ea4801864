package dev.trimtab.faults.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Perturbation;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.Fixtures;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.generate.CampaignGenerator;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.Hang;
import dev.trimtab.faults.spec.LimitResource;
import dev.trimtab.faults.spec.MisconfiguredLimit;
import dev.trimtab.faults.spec.RateShift;
import dev.trimtab.faults.spec.SelectorMode;
import dev.trimtab.faults.spec.Target;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ground truth says exactly what the injector did, for every kind; faults never outlive a run. */
class GroundTruthTest {
  private static final Topology SHOP = Fixtures.shop();

  /** Services named as whole words in the descriptions of the active perturbations. */
  private static Set<String> mentioned(Simulation sim) {
    Set<String> names = SHOP.services().stream().map(ServiceSpec::name).collect(Collectors.toSet());
    Set<String> out = new HashSet<>();
    for (Perturbation p : sim.perturbations().active()) {
      Arrays.stream(p.describe().split(" ")).filter(names::contains).forEach(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(FaultKind.class)
  void groundTruthOfAGeneratedCampaignMatchesWhatWasInjected(FaultKind kind) {
    Campaign c = CampaignGenerator.single(SHOP, kind, 100, 30, 5, 3);
    assertEquals(3, c.faults().size(), "faults at 30, 60 and 90 s");
    Simulation sim = Simulation.create(SHOP, Fixtures.poisson(5), 3);
    try (SimulatedInjector injector = SimulatedInjector.attach(sim, c, 3)) {
      for (GroundTruth t : injector.groundTruth()) {
        assertEquals(kind, t.kind());
        assertEquals(t.spec().intensity(), t.intensity());
        sim.runFor(t.startMs() - sim.nowMs());
        assertTrue(sim.perturbations().active().isEmpty(), "nothing before the fault");
        IntervalMetrics mid = sim.runFor(t.endMs() - t.startMs() - 1);
        assertEquals(List.of(t), injector.active());
        checkInjected(kind, t, sim, mid);
        sim.runFor(2);
        assertTrue(sim.perturbations().active().isEmpty(), "removed at its end");
        assertTrue(injector.active().isEmpty());
      }
    }
  }

  private static void checkInjected(
      FaultKind kind, GroundTruth t, Simulation sim, IntervalMetrics mid) {
    switch (kind) {
      case SERVICE_CRASH -> assertTrue(sim.perturbations().active().isEmpty());
      case MISCONFIGURED_LIMIT -> {
        MisconfiguredLimit m = (MisconfiguredLimit) t.spec();
        for (var s : mid.services()) {
          double expected = t.services().contains(s.service()) ? m.wrongLimit() : 1;
          assertEquals(expected, s.cpuLimitCores(), 1e-12, s.service());
        }
      }
      case FLASH_CROWD, RATE_SHIFT, MIX_SHIFT, TRACE_SWAP -> {
        assertTrue(t.services().isEmpty());
        assertFalse(sim.perturbations().active().isEmpty());
        assertTrue(mentioned(sim).isEmpty());
      }
      default -> {
        assertEquals(1, t.services().size(), "single: one service at a time");
        Set<String> expected = new HashSet<>(t.services());
        if (kind == FaultKind.PARTITION) {
          expected.add(((dev.trimtab.faults.spec.Partition) t.spec()).to());
        }
        assertEquals(expected, mentioned(sim));
        if (kind == FaultKind.GPU_THROTTLE) {
          assertEquals(List.of("infer"), t.services());
        }
      }
    }
  }

  @Test
  void sameSeedSameCampaignAndGroundTruth() {
    assertEquals(CampaignGenerator.firm(SHOP, 900, 5), CampaignGenerator.firm(SHOP, 900, 5));
    assertNotEquals(CampaignGenerator.firm(SHOP, 900, 5), CampaignGenerator.firm(SHOP, 900, 6));
    Campaign oneOfAll =
        new Campaign(
            "draws",
            "",
            List.of(
                new Hang(Target.one("*"), 1, 1),
                new Hang(new Target(List.of("*"), SelectorMode.FIXED, 2), 3, 1),
                new Hang(new Target(List.of("*"), SelectorMode.FIXED_PERCENT, 50), 5, 1)));
    List<GroundTruth> a = attach(oneOfAll, 7).groundTruth();
    assertEquals(a, attach(oneOfAll, 7).groundTruth());
    assertEquals(1, a.get(0).services().size());
    assertEquals(2, a.get(1).services().size());
    assertEquals(2, a.get(2).services().size(), "50% of 4 services");
    Set<List<String>> picks = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      picks.add(attach(oneOfAll, seed).groundTruth().get(0).services());
    }
    assertTrue(picks.size() >= 3, "different seeds draw different services: " + picks);
  }

  private static SimulatedInjector attach(Campaign c, long seed) {
    return SimulatedInjector.attach(Simulation.create(SHOP, Fixtures.poisson(5), 1), c, seed);
  }

  @Test
  void firmPresetFollowsTheRecipe() {
    Campaign c = CampaignGenerator.firm(SHOP, 1200, 9);
    Set<Double> starts = new HashSet<>();
    for (var f : c.faults()) {
      assertTrue(CampaignGenerator.FIRM_KINDS.contains(f.kind()), f.kind().toString());
      assertEquals(0, f.startS() % 120, 1e-9, "every 2 minutes");
      assertTrue(f.durationS() >= 8 && f.durationS() <= 12, "about 10 s");
      starts.add(f.startS());
      if (f instanceof dev.trimtab.faults.spec.NetworkDelay d) {
        assertEquals(50, d.delayMs());
        assertEquals(5, d.jitterMs());
      } else if (!(f instanceof dev.trimtab.faults.spec.BandwidthLimit)) {
        assertTrue(f.intensity() >= 0 && f.intensity() <= 1);
      }
    }
    assertEquals(9, starts.size(), "rounds at 120, 240, ..., 1080 s");
  }

  @Test
  void aRunThatFailsMidwayLeavesNoFaultBehind() {
    Simulation sim = Simulation.create(SHOP, Fixtures.poisson(5), 1);
    Campaign c =
        new Campaign(
            "fails",
            "",
            List.of(
                new Hang(Target.all("db"), 5, 60),
                new MisconfiguredLimit(Target.all("cart"), 5, 60, LimitResource.CPU, 0.2),
                new MisconfiguredLimit(Target.all("cart"), 8, 60, LimitResource.MEMORY, 300),
                new RateShift(6, 60, 2),
                new Hang(Target.all("infer"), 30, 5)));
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (SimulatedInjector injector = SimulatedInjector.attach(sim, c, 1)) {
            for (int i = 0; i < 10; i++) {
              injector.observe(sim.runFor(1000));
              assertEquals(i >= 8 ? 4 : i >= 6 ? 3 : i >= 5 ? 2 : 0, injector.active().size());
            }
            throw new IllegalStateException("the run fails at 10 s");
          }
        });
    assertTrue(sim.perturbations().active().isEmpty());
    IntervalMetrics later = sim.runFor(40_000);
    assertTrue(sim.perturbations().active().isEmpty(), "faults not yet started never start");
    var cart = later.services().get(1);
    assertEquals(1, cart.cpuLimitCores());
    assertEquals(512, cart.memoryLimitMiB());
  }

  @Test
  void campaignsThatDoNotFitTheTopologyFailBeforeAnythingIsScheduled() {
    Simulation sim = Simulation.create(SHOP, Fixtures.poisson(5), 1);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SimulatedInjector.attach(
                    sim,
                    new Campaign("c", "", List.of(new Hang(Target.all("ts-*-service"), 1, 1))),
                    1));
    assertTrue(e.getMessage().contains("faults[0].target.services"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SimulatedInjector.attach(
                sim,
                new Campaign(
                    "c",
                    "",
                    List.of(
                        new MisconfiguredLimit(Target.all("db"), 1, 5, LimitResource.CPU, 1),
                        new MisconfiguredLimit(Target.all("d?"), 3, 5, LimitResource.CPU, 2))),
                1));
    sim.runFor(1000);
    assertTrue(sim.perturbations().active().isEmpty());
  }
}
