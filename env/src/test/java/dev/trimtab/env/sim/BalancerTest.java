package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.trimtab.env.topology.LoadBalancing;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each policy picks with the probabilities worked out by hand for fixed replica loads. Counts over
 * {@value #PICKS} picks are binomial: each is checked within 4.5 standard deviations of its
 * expectation (a false alarm once in ~150,000 runs; the seeds are fixed, so the test is
 * deterministic anyway).
 */
class BalancerTest {
  private static final int PICKS = 60_000;

  private static Replica[] replicas(int... loads) {
    Replica[] out = new Replica[loads.length];
    for (int i = 0; i < loads.length; i++) {
      out[i] = new Replica(i, 0, 1);
      out[i].busy = Math.min(loads[i], 1);
      for (int q = 1; q < loads[i]; q++) {
        out[i].queue.addLast(q);
      }
    }
    return out;
  }

  private static int[] counts(LoadBalancing policy, Replica[] ready) {
    Balancer b = new Balancer(policy, new SplittableRandom(17));
    int[] counts = new int[ready.length];
    for (int k = 0; k < PICKS; k++) {
      counts[b.pick(ready, ready.length).id]++;
    }
    return counts;
  }

  private static void assertShares(double[] expected, int[] counts) {
    for (int i = 0; i < expected.length; i++) {
      double p = expected[i];
      double sd = Math.sqrt(PICKS * p * (1 - p));
      assertEquals(PICKS * p, counts[i], 4.5 * sd + 1e-9, "replica " + i);
    }
  }

  @Test
  void randomIsUniformWhateverTheLoads() {
    assertShares(
        new double[] {0.25, 0.25, 0.25, 0.25}, counts(LoadBalancing.RANDOM, replicas(9, 0, 3, 1)));
  }

  @Test
  void roundRobinTakesTheReplicasInTurn() {
    Replica[] ready = replicas(5, 0, 2);
    Balancer b = new Balancer(LoadBalancing.ROUND_ROBIN, new SplittableRandom(1));
    for (int k = 0; k < 7; k++) {
      assertSame(ready[k % 3], b.pick(ready, 3));
    }
  }

  @Test
  void leastRequestTakesTheLeastLoadedAndSplitsTiesEvenly() {
    // Queued calls count as much as running ones: loads 3, 1, 2, 1.
    assertShares(
        new double[] {0, 0.5, 0, 0.5}, counts(LoadBalancing.LEAST_REQUEST, replicas(3, 1, 2, 1)));
    assertShares(
        new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
        counts(LoadBalancing.LEAST_REQUEST, replicas(0, 0, 0)));
  }

  @Test
  void powerOfTwoChoicesComparesTwoDistinctReplicas() {
    // Pairs {0,1}, {0,2}, {1,2} are equally likely; the less loaded of the pair wins.
    assertShares(
        new double[] {2.0 / 3, 1.0 / 3, 0},
        counts(LoadBalancing.POWER_OF_TWO_CHOICES, replicas(0, 1, 2)));
    // A tie within a pair goes either way: {0,1} splits, {0,2} -> 0, {1,2} -> 1.
    assertShares(
        new double[] {0.5, 0.5, 0}, counts(LoadBalancing.POWER_OF_TWO_CHOICES, replicas(4, 4, 5)));
    // Two replicas: the pair is always both, so it is least-request.
    assertShares(new double[] {1, 0}, counts(LoadBalancing.POWER_OF_TWO_CHOICES, replicas(0, 1)));
  }

  @Test
  void noReadyReplicaGivesNullAndOneGivesItself() {
    Replica[] ready = replicas(3);
    for (LoadBalancing policy : LoadBalancing.values()) {
      Balancer b = new Balancer(policy, new SplittableRandom(3));
      assertNull(b.pick(ready, 0), policy.toString());
      assertSame(ready[0], b.pick(ready, 1), policy.toString());
    }
  }
}
