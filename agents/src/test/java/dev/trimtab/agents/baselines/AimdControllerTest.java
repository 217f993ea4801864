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
  void defaultAddsOnViolatedPathsAndShrinksElsewhereLeavingMemory() {
    AimdController aimd = new AimdController(AimdConfig.additiveIncrease(), PATHS);
    aimd.reset(cluster);

    // login violated: front 0.5 + 0.25 = 0.75, auth 0.25 + 0.25 = 0.5; db 1.0 × 0.9 = 0.9; ads
    // 0.15 × 0.9 = 0.135. Memory untouched.
    aimd.act(interval(true, false), cluster);
    assertLimits("front", 0.75, 512);
    assertLimits("auth", 0.5, 300);
    assertLimits("db", 0.9, 512);
    assertLimits("ads", 0.135, 260);
    assertEquals(4, cluster.calls.size());

    // Every SLO met: ×0.9 each, to whole millicores: front 0.675, auth 0.45, db 0.81, ads 0.1215
    // → 0.122 (nearest millicore).
    aimd.act(interval(false, false), cluster);
    assertLimits("front", 0.675, 512);
    assertLimits("auth", 0.45, 300);
    assertLimits("db", 0.81, 512);
    assertLimits("ads", 0.122, 260);

    // search violated: front 0.925, db 1.06; auth 0.405; ads 0.1098 → 0.11.
    aimd.act(interval(false, true), cluster);
    assertLimits("front", 0.925, 512);
    assertLimits("db", 1.06, 512);
    assertLimits("auth", 0.405, 300);
    assertLimits("ads", 0.11, 260);

    // Met again: ads 0.11 × 0.9 = 0.099, below the 0.1-core floor: 0.1.
    aimd.act(interval(false, false), cluster);
    assertLimits("ads", 0.1, 260);
  }

  @Test
  void doublingReadingDoublesOnViolationAndStepsDownWithMemoryWhenAsked() {
    AimdConfig config =
        AimdConfig.doubling().withMemory(new AimdConfig.Rule(2, 0, 1, 64, 250, 16_384));
    AimdController aimd = new AimdController(config, PATHS);

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

    // Both violated four times: front 0.9 → 1.8, 3.6, 7.2, then 14.4 capped at 8 cores; memory
    // 960 → 1920, 3840, 7680, 15360.
    for (int i = 0; i < 4; i++) {
      aimd.act(interval(true, true), cluster);
    }
    assertLimits("front", 8, 15_360);
  }

  @Test
  void anEndpointWithoutACallPathFailsLoudly() {
    AimdController aimd = new AimdController(AimdConfig.additiveIncrease(), PATHS);
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
