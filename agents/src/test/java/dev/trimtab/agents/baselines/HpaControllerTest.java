package dev.trimtab.agents.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HPA against sequences worked by hand from the Kubernetes algorithm. Utilisations are
 * multiples of 1/64 and targets powers of two so that every ratio is exact in binary.
 */
class HpaControllerTest {
  private static final String WEB = "web";

  private final FakeCluster cluster = new FakeCluster();

  /** Runs one interval ending at {@code endS} seconds with {@code ready} replicas at {@code u}. */
  private void step(HpaController hpa, double startS, double endS, int ready, double u) {
    hpa.act(Metrics.interval(startS * 1000, endS * 1000, Metrics.cpu(WEB, ready, u)), cluster);
  }

  private void sync(HpaController hpa, double endS, int ready, double u) {
    step(hpa, endS - 15, endS, ready, u);
  }

  @Test
  void formulaToleranceAndPodsThatAreNotReady() {
    HpaController hpa =
        new HpaController(HpaConfig.defaults().withTarget(0.25).withReplicas(1, 12));
    cluster.add(WEB, 2, 1, 512);

    // t=15: ratio 0.875 / 0.25 = 3.5, desired ceil(3.5 × 2) = 7; scale-up limit per 15 s:
    // max(ceil(2 × (1 + 100%)) = 4, 2 + 4 pods = 6) = 6, so 6.
    sync(hpa, 15, 2, 0.875);
    assertEquals(6, cluster.replicas(WEB));

    // t=30: 2 ready of 6; ratio 0.5 / 0.25 = 2 would scale up, so the 4 starting pods count as
    // using nothing: 0.5 × 2 / (0.25 × 6) = 0.667 < 1, no change.
    sync(hpa, 30, 2, 0.5);
    assertEquals(6, cluster.replicas(WEB));

    // t=45: all 6 ready; ratio 0.3125 / 0.25 = 1.25, desired ceil(1.25 × 6) = ceil(7.5) = 8; the
    // event at t=15 is out of the 15 s policy period, limit max(12, 10) = 12.
    sync(hpa, 45, 6, 0.3125);
    assertEquals(8, cluster.replicas(WEB));

    // t=60: ratio 0.265625 / 0.25 = 1.0625, inside the 0.1 tolerance: no change.
    sync(hpa, 60, 8, 0.265625);
    // t=75: ratio 0.234375 / 0.25 = 0.9375, inside the tolerance too.
    sync(hpa, 75, 8, 0.234375);
    assertEquals(List.of("replicas web 6", "replicas web 8"), cluster.calls);
  }

  @Test
  void scaleDownTakesTheHighestRecommendationOfTheLast300Seconds() {
    HpaController hpa = new HpaController(HpaConfig.defaults().withTarget(0.25));
    cluster.add(WEB, 8, 1, 512);

    // t=15: ratio 1, recommendation 8 (= current), recorded.
    sync(hpa, 15, 8, 0.25);
    // t=30..300: ratio 0.5, recommendation ceil(0.5 × 8) = 4, but the window (t-300, t] still
    // holds the 8 from t=15: max(8, 4, ...) = 8, no change.
    for (int t = 30; t <= 300; t += 15) {
      sync(hpa, t, 8, 0.125);
      assertEquals(8, cluster.replicas(WEB), "at t=" + t);
    }
    // t=315: the window is (15, 315]; t=15 has left it, every recommendation left is 4. The
    // scale-down policy (100% per 15 s) allows anything down to minReplicas 1.
    sync(hpa, 315, 8, 0.125);
    assertEquals(4, cluster.replicas(WEB));

    // From t=330, 4 replicas at ratio 0.5 recommend ceil(0.5 × 4) = 2, but the 4s recorded at
    // t=30..315 hold until t=315 leaves the window at t=615.
    for (int t = 330; t <= 600; t += 15) {
      sync(hpa, t, 4, 0.125);
      assertEquals(4, cluster.replicas(WEB), "at t=" + t);
    }
    sync(hpa, 615, 4, 0.125);
    assertEquals(2, cluster.replicas(WEB));
    assertEquals(List.of("replicas web 4", "replicas web 2"), cluster.calls);
  }

  @Test
  void scaleUpPolicyCountsChangesWithinItsPeriod() {
    ScalingRules upTwoPerMinute =
        new ScalingRules(0, ScalingRules.Select.MAX, List.of(ScalingPolicy.pods(2, 60_000)));
    HpaConfig d = HpaConfig.defaults();
    HpaController hpa =
        new HpaController(
            new HpaConfig(0.25, 0.1, 15_000, 15_000, 1, 20, upTwoPerMinute, d.scaleDown()));
    cluster.add(WEB, 2, 1, 512);

    // t=15: desired ceil(3.5 × 2) = 7, at most 2 + 2 pods: 4 (event +2 at t=15).
    sync(hpa, 15, 2, 0.875);
    assertEquals(4, cluster.replicas(WEB));
    // t=30, 45, 60: desired ceil(3.5 × 4) = 14; the period (t-60, t] holds +2, so it started at
    // 4 - 2 = 2 and allows 2 + 2 = 4: no change.
    for (int t = 30; t <= 60; t += 15) {
      sync(hpa, t, 4, 0.875);
      assertEquals(4, cluster.replicas(WEB), "at t=" + t);
    }
    // t=75: the event at t=15 has left (15, 75]: 4 + 2 = 6.
    sync(hpa, 75, 4, 0.875);
    assertEquals(6, cluster.replicas(WEB));
  }

  @Test
  void replicaBoundsWinOverTheRecommendation() {
    HpaConfig d = HpaConfig.defaults();
    ScalingRules downNow =
        new ScalingRules(0, ScalingRules.Select.MAX, List.of(ScalingPolicy.percent(100, 15_000)));
    HpaController hpa =
        new HpaController(new HpaConfig(0.5, 0.1, 15_000, 15_000, 2, 5, d.scaleUp(), downNow));
    cluster.add(WEB, 1, 1, 512);

    // t=15: 1 replica is below minReplicas 2: raised to 2 whatever the metric says.
    sync(hpa, 15, 1, 0.5);
    assertEquals(2, cluster.replicas(WEB));
    // t=30: ratio 1.0 / 0.5 = 2, desired ceil(2 × 2) = 4 (policy limit max(4, 6) = 6).
    sync(hpa, 30, 2, 1.0);
    assertEquals(4, cluster.replicas(WEB));
    // t=45: desired ceil(2 × 4) = 8, policy limit 8, maxReplicas 5: 5.
    sync(hpa, 45, 4, 1.0);
    assertEquals(5, cluster.replicas(WEB));
    // t=60: no load, desired ceil(0 × 5) = 0; no stabilisation window here, minReplicas 2.
    sync(hpa, 60, 5, 0.0);
    assertEquals(2, cluster.replicas(WEB));
  }

  @Test
  void actsOncePerSyncPeriodOnTheMeanOfTheMetricWindow() {
    HpaController hpa = new HpaController(HpaConfig.defaults().withTarget(0.5));
    cluster.add(WEB, 2, 1, 512);

    // 5 s intervals: no decision at t=5 or t=10 even at full utilisation.
    step(hpa, 0, 5, 2, 1.0);
    step(hpa, 5, 10, 2, 1.0);
    assertEquals(List.of(), cluster.calls);
    // t=15: mean over (0, 15] = (1 + 1 + 0.25) / 3 = 0.75; ratio 1.5, desired ceil(1.5 × 2) = 3.
    // (The latest interval alone, 0.25, would have meant ratio 0.5 and a scale-down.)
    step(hpa, 10, 15, 2, 0.25);
    assertEquals(3, cluster.replicas(WEB));
    // t=20, 25: between syncs, nothing.
    step(hpa, 15, 20, 3, 1.0);
    step(hpa, 20, 25, 3, 1.0);
    assertEquals(List.of("replicas web 3"), cluster.calls);
    // t=30: mean over (15, 30] = (1 + 1 + 0.5) / 3 = 0.8333; ratio 1.667, ceil(1.667 × 3) = 5.
    step(hpa, 25, 30, 3, 0.5);
    assertEquals(5, cluster.replicas(WEB));
  }

  @Test
  void resetForgetsTheStabilisationWindow() {
    HpaController hpa = new HpaController(HpaConfig.defaults().withTarget(0.25));
    cluster.add(WEB, 8, 1, 512);
    sync(hpa, 15, 8, 0.25);
    sync(hpa, 30, 8, 0.125);
    assertEquals(8, cluster.replicas(WEB));
    hpa.reset(cluster);
    // With the recommendation of 8 forgotten, ratio 0.5 scales down at once: ceil(0.5 × 8) = 4.
    sync(hpa, 15, 8, 0.125);
    assertEquals(4, cluster.replicas(WEB));
  }
}
