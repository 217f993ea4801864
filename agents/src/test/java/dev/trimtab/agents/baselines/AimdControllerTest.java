package dev.trimtab.agents.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trimtab.env.sim.IntervalMetrics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AIMD against steps worked by hand. Endpoints: login → {front, auth}; search → {front, db}; ads is
 * on no path.
 */
class AimdControllerTest {
  private static final CallPaths PATHS =
      new CallPaths(Map.of("login", Set.of("front", "auth"), "search", Set.of("front", "db")));

  private final FakeCluster cluster =
      new FakeCluster()
          .add("front", 1, 0.5, 512)
          .add("auth", 1, 0.25, 300)
          .add("db", 1, 1.0, 512)
          .add("ads", 1, 0.15, 260);

  private static IntervalMetrics interval(boolean login, boolean search) {
    return Metrics.interval(
        0,
        1000,
        List.of(),
        List.of(Metrics.endpoint("login", login), Metrics.endpoint("search", search)));
  }

  private void assertLimits(String service, double cpu, double memory) {
    assertEquals(cpu, cluster.cpuLimitCores(service), 1e-9, service + " cpu");
    assertEquals(memory, cluster.memoryLimitMiB(service), 1e-9, service + " memory");
  }

  @Test
  void firmDoublesOnViolatedPathsAndStepsDownElsewhere() {
    AimdController aimd = new AimdController(AimdConfig.firm(), PATHS);
    aimd.reset(cluster);

    // login violated: front and auth double (0.5 → 1.0, 512 → 1024; 0.25 → 0.5, 300 → 600);
    // db steps down (1.0 − 0.1 = 0.9, 512 − 64 = 448); ads to its floors (0.15 − 0.1 = 0.05 →
    // 0.1 cores, 260 − 64 = 196 → 250 MiB).
    aimd.act(interval(true, false), cluster);
    assertLimits("front", 1.0, 1024);
    assertLimits("auth", 0.5, 600);
    assertLimits("db", 0.9, 448);
    assertLimits("ads", 0.1, 250);

    // Every SLO met: all step down (front 0.9, 960; auth 0.4, 536; db 0.8, 384); ads stays at its
    // floors and is not touched.
    int calls = cluster.calls.size();
    aimd.act(interval(false, false), cluster);
    assertLimits("front", 0.9, 960);
    assertLimits("auth", 0.4, 536);
    assertLimits("db", 0.8, 384);
    assertEquals(calls + 6, cluster.calls.size());

    // search violated: front 1.8, 1920; db 1.6, 768; auth steps down to 0.3, 472.
    aimd.act(interval(false, true), cluster);
    assertLimits("front", 1.8, 1920);
    assertLimits("db", 1.6, 768);
    assertLimits("auth", 0.3, 472);

    // Both violated three more times: front 3.6, 7.2, then 14.4 capped at 8 cores; memory 3840,
    // 7680, 15360.
    aimd.act(interval(true, true), cluster);
    aimd.act(interval(true, true), cluster);
    aimd.act(interval(true, true), cluster);
    assertLimits("front", 8, 15_360);
  }

  @Test
  void additiveIncreaseReadingAddsOnViolationAndShrinksByAFactor() {
    AimdController aimd = new AimdController(AimdConfig.additiveIncrease(), PATHS);
    // login violated: front 0.5 + 0.25 = 0.75, 512 + 128 = 640; db 1.0 × 0.9 = 0.9, 512 × 0.9 =
    // 460.8.
    aimd.act(interval(true, false), cluster);
    assertLimits("front", 0.75, 640);
    assertLimits("db", 0.9, 460.8);
    // Met: front 0.75 × 0.9 = 0.675, 640 × 0.9 = 576.
    aimd.act(interval(false, false), cluster);
    assertLimits("front", 0.675, 576);
  }

  @Test
  void anEndpointWithoutACallPathFailsLoudly() {
    AimdController aimd = new AimdController(AimdConfig.firm(), PATHS);
    IntervalMetrics unknown =
        Metrics.interval(0, 1000, List.of(), List.of(Metrics.endpoint("checkout", true)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> aimd.act(unknown, cluster));
    assertEquals(true, e.getMessage().contains("checkout"), e.getMessage());
  }

  @Test
  void withoutCallPathsItNeedsASimulation() {
    AimdController aimd = new AimdController();
    assertThrows(IllegalStateException.class, () -> aimd.reset(cluster));
  }
}
