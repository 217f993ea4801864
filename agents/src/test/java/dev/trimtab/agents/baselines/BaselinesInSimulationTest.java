package dev.trimtab.agents.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each baseline in the loop of a small simulated cluster, one-second control intervals, against the
 * static allocation: the effect its real counterpart is run for.
 */
class BaselinesInSimulationTest {

  /**
   * One service, 10 ms mean demand at 1 core (100 req/s per replica), p99 SLO 300 ms; the rate
   * steps from 40 to 150 req/s at t=60 s. Statically, ρ = 1.5 and the queue grows without end. The
   * HPA's first sync after the step (t=75 s) sees utilisation 1.0: ratio 1.0 / 0.8 = 1.25,
   * ceil(1.25 × 1) = 2 replicas, ρ = 0.75 each; the backlog drains and the tail recovers.
   */
  @Test
  void hpaScalesOutUnderARateStepAndTheTailRecovers() {
    Topology api =
        Tiny.topology(
            List.of(Tiny.service("api", 1, 10)), List.of(Tiny.endpoint("get", "api", 300)));
    List<Tiny.Step> fixed = Tiny.run(api, Tiny.step(40, 150, 60_000), new StaticController(), 240);
    List<Tiny.Step> hpa = Tiny.run(api, Tiny.step(40, 150, 60_000), new HpaController(), 240);

    assertTrue(fixed.stream().allMatch(s -> s.replicas().get("api") == 1));
    assertEquals(60, Tiny.violations(fixed, "get", 180));

    for (int i = 0; i < 74; i++) {
      assertEquals(1, hpa.get(i).replicas().get("api"), "before the sync at 75 s, t=" + (i + 1));
    }
    assertEquals(2, hpa.get(74).replicas().get("api"), "the sync at 75 s");
    assertTrue(hpa.get(239).replicas().get("api") >= 2);
    long late = Tiny.violations(hpa, "get", 180);
    assertTrue(late <= 3, "HPA missed the SLO in " + late + " of the last 60 s");
  }

  /**
   * Two endpoints on two services: "hot" needs 80 req/s × 8 ms = 0.64 cores but has 0.5 (ρ = 1.28);
   * "cold" needs 0.08 cores and has 1. AIMD doubles hot's limit after the first violating interval
   * and steps cold's down while its SLO holds.
   */
  @Test
  void aimdRaisesTheLimitOfTheSaturatedServiceAndLowersTheIdleOne() {
    Topology two =
        Tiny.topology(
            List.of(Tiny.service("hot", 0.5, 8), Tiny.service("cold", 1, 1)),
            List.of(Tiny.endpoint("hot", "hot", 100), Tiny.endpoint("cold", "cold", 50)));
    List<Tiny.Step> fixed = Tiny.run(two, Tiny.step(160, 160, 0), new StaticController(), 120);
    List<Tiny.Step> aimd =
        Tiny.run(
            two, Tiny.step(160, 160, 0), new AimdController(AimdConfig.additiveIncrease()), 120);
    List<Tiny.Step> doubling = Tiny.run(two, Tiny.step(160, 160, 0), new AimdController(), 120);
    // The default, REFERENCE.md's reading: hot violated -> 0.5 x 2 = 1 core; cold met -> 1 - 0.1.
    assertEquals(1.0, doubling.get(0).cpu().get("hot"));
    assertEquals(0.9, doubling.get(0).cpu().get("cold"), 1e-12);
    assertTrue(
        Tiny.violations(doubling, "hot", 0) < 120, "doubling also relieves the saturated service");

    assertTrue(fixed.stream().allMatch(s -> s.cpu().get("hot") == 0.5 && s.cpu().get("cold") == 1));
    assertEquals(120, Tiny.violations(fixed, "hot", 0));

    // First interval: hot violated → 0.5 + 0.25 = 0.75 cores; cold met → 1 × 0.9; memory kept.
    assertEquals(0.75, aimd.get(0).cpu().get("hot"));
    assertEquals(1024, aimd.get(0).memory().get("hot"));
    assertEquals(0.9, aimd.get(0).cpu().get("cold"));

    // Then a sawtooth around hot's need of 0.64 cores (seen: 0.56 to 1.37), never back to 0.5;
    // cold shrinks while its SLO holds.
    assertTrue(aimd.stream().allMatch(s -> s.cpu().get("hot") > 0.5), "hot never back to 0.5");
    assertTrue(aimd.stream().anyMatch(s -> s.cpu().get("hot") >= 1.0), "hot raised to 1 core");
    assertTrue(aimd.stream().anyMatch(s -> s.cpu().get("cold") < 0.5), "cold shrunk");
    long hot = Tiny.violations(aimd, "hot", 0);
    assertTrue(hot <= 60, "AIMD left hot violating in " + hot + " of 120 s (seen: 38)");
  }

  /**
   * Two endpoints of equal weight share 200 req/s: each service gets 100 req/s × 5 ms = 0.5 cores.
   * "big" has 2 cores (utilisation 0.25); "small" has 0.25 cores and runs saturated. Working sets
   * are 256 MiB under 1024 MiB limits.
   */
  @Test
  void vpaShrinksAnOversizedServiceAndGrowsASaturatedOne() {
    Topology two =
        Tiny.topology(
            List.of(Tiny.service("big", 2, 5), Tiny.service("small", 0.25, 5)),
            List.of(Tiny.endpoint("big", "big", 100), Tiny.endpoint("small", "small", 100)));
    List<Tiny.Step> vpa = Tiny.run(two, Tiny.step(200, 200, 0), new VpaController(), 300);

    // Nothing before the first recommender run at 60 s.
    assertEquals(2.0, vpa.get(58).cpu().get("big"));
    assertEquals(0.25, vpa.get(58).cpu().get("small"));
    // big: p90 of 15 s means of ~0.5 cores, + 15%: between usage and 1.5 × usage.
    double big = vpa.get(59).cpu().get("big");
    assertTrue(big > 0.5 && big < 0.75, "big's CPU limit " + big);
    // Memory: working set 256 MiB → bucket end 268.2913 × 1.15 = 308.535 MiB, for both.
    assertEquals(308.535, vpa.get(59).memory().get("big"), 1e-3);
    assertEquals(308.535, vpa.get(59).memory().get("small"), 1e-3);
    // small runs at its limit, so each run's p90 is the limit's bucket end, + 15%: it grows.
    double previous = 0.25;
    for (int run = 1; run <= 4; run++) {
      double now = vpa.get(run * 60 - 1).cpu().get("small");
      assertTrue(now > previous * 1.1, "run " + run + ": " + previous + " → " + now);
      previous = now;
    }
  }
}
