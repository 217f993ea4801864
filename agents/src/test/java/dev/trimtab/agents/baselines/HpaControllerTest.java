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

  /**
   * Kubernetes' TestScaleDownStabilizeInitialSize and TestScaleDown (horizontal_test.go): 5
   * replicas using 100, 300, 500, 250 and 250 mCPU of 1-core requests (28%), target 50%, min 2, max
   * 6. The raw recommendation is ceil(0.56 × 5) = 3. A new HPA (no recommendation yet) first
   * records the current 5, so it keeps 5 ("ScaleDownStabilized"); once no recommendation above 3 is
   * left in the 300 s window (TestScaleDown's case) it goes to 3.
   */
  @Test
  void aNewHpaRecordsTheCurrentReplicasAsItsFirstRecommendationLikeKubernetes() {
    HpaController hpa = new HpaController(HpaConfig.defaults().withTarget(0.5).withReplicas(2, 6));
    cluster.add(WEB, 5, 1, 512);
    double u = (0.1 + 0.3 + 0.5 + 0.25 + 0.25) / 5;

    // Created at t=0 with the run; syncs at 15, 30, ..., 285 all recommend 3, but the 5 recorded
    // at t=0 is inside the window (t − 300, t].
    for (int t = 15; t <= 285; t += 15) {
      sync(hpa, t, 5, u);
      assertEquals(5, cluster.replicas(WEB), "at t=" + t);
    }
    // t=300: the window is (0, 300]; the initial 5 has left it, every recommendation left is 3.
    sync(hpa, 300, 5, u);
    assertEquals(3, cluster.replicas(WEB));
    assertEquals(List.of("replicas web 3"), cluster.calls);
  }

  /** The initial recommendation is taken at the first interval's start, not at the first sync. */
  @Test
  void theInitialRecommendationIsTakenWhenTheHpaStarts() {
    HpaController hpa = new HpaController(HpaConfig.defaults().withTarget(0.5));
    cluster.add(WEB, 4, 1, 512);
    // One-second intervals from t=0; utilisation 12.5% recommends ceil(0.25 × 4) = 1 at every sync.
    for (int t = 1; t <= 299; t++) {
      step(hpa, t - 1, t, 4, 0.125);
    }
    assertEquals(4, cluster.replicas(WEB));
    step(hpa, 299, 300, 4, 0.125);
    assertEquals(1, cluster.replicas(WEB));
  }

  /**
   * reset() starts a new HPA: the recommendations of the previous run are forgotten and the new
   * run's starting replicas recorded instead. A recommendation of 16 made at t=30 in the first run
   * would, if kept, hold 8 replicas up at t=300 of the second.
   */
  @Test
  void resetForgetsTheStabilisationWindow() {
    HpaController hpa =
        new HpaController(HpaConfig.defaults().withTarget(0.25).withReplicas(1, 16));
    cluster.add(WEB, 8, 1, 512);
    sync(hpa, 15, 8, 0.25);
    sync(hpa, 30, 8, 0.5); // ratio 2: recommendation 16, scaled to 16
    assertEquals(16, cluster.replicas(WEB));

    hpa.reset(cluster);
    cluster.add(WEB, 8, 1, 512);
    for (int t = 15; t <= 285; t += 15) {
      sync(hpa, t, 8, 0.125); // recommendation 4, held at 8 by the new run's initial 8
      assertEquals(8, cluster.replicas(WEB), "at t=" + t);
    }
    sync(hpa, 300, 8, 0.125);
    assertEquals(4, cluster.replicas(WEB));
  }
}
