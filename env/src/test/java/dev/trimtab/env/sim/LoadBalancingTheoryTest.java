package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.topology.CpuSharing;
import dev.trimtab.env.topology.LoadBalancing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Load-balancing policies against queueing theory: c one-core replicas with exponential 10 ms
 * demands (μ = 100/s each) and Poisson arrivals at ρ = 0.8 of their total capacity, no network hop
 * and no timeouts.
 *
 * <p>Tolerances: each run serves 1.28 million requests (4,000 simulated seconds at 320 req/s). Over
 * ten seeds of that length the run means scattered by 0.59% (random), 0.54% (round robin) and 0.66%
 * (least request over two replicas) of their value, so the 3% bound is over 4.5 standard deviations
 * for every check.
 */
class LoadBalancingTheoryTest {
  private static final double MEAN_SERVICE_MS = 10;
  private static final double MU_PER_MS = 1 / MEAN_SERVICE_MS;
  private static final double RHO = 0.8;
  private static final double SECONDS = 4_000;

  private static double meanSojournMs(int replicas, LoadBalancing policy, long seed) {
    double ratePerS = RHO * replicas * 1000 * MU_PER_MS;
    Simulation sim =
        Simulation.create(
            TestTopologies.replicated(replicas, 1, MEAN_SERVICE_MS, 1, policy, CpuSharing.FCFS),
            TestWorkloads.poisson(ratePerS, SECONDS * 1000),
            seed);
    sim.runFor(SECONDS * 1000 + 60_000); // the last minute drains the queues
    RunSummary s = sim.summary();
    assertEquals(s.requests(), s.completed(), "every request completes");
    return s.meanMs();
  }

  @Test
  void randomRoutingIsIndependentMm1QueuesAtLambdaOverC() {
    // Random splitting of a Poisson stream gives each replica a Poisson stream at λ/c: M/M/1 at
    // ρ = 0.8, mean sojourn 1 / (μ - λ/c) = 50 ms (5.0 service times, as issue 11 says).
    double expectedMs = 1 / (MU_PER_MS - RHO * MU_PER_MS);
    assertEquals(50, expectedMs, 1e-9);
    assertEquals(expectedMs, meanSojournMs(4, LoadBalancing.RANDOM, 41), 0.03 * expectedMs);
  }

  @Test
  void roundRobinGivesEachReplicaAnErlangStreamAnEcM1Queue() {
    // Each replica sees every 4th arrival: Erlang-4 gaps of mean 4/λ, a GI/M/1 queue whose mean
    // sojourn is 1 / (μ (1 - σ)) with σ = A*(μ - μσ), A* the gaps' Laplace transform.
    double expectedMs = erlangGiM1SojournMs(4, RHO * MU_PER_MS, MU_PER_MS);
    assertEquals(32.674, expectedMs, 1e-3); // 3.27 service times, issue 11's 3.3
    assertEquals(expectedMs, meanSojournMs(4, LoadBalancing.ROUND_ROBIN, 42), 0.03 * expectedMs);
  }

  @Test
  void leastRequestOverTwoReplicasIsJoinTheShortestQueue() {
    // JSQ with two servers has no simple closed form; its Markov chain, solved numerically, is
    // the truth (2.956 service times at ρ = 0.8; M/M/2 gives 2.778 and M/M/1 per replica 5).
    double expectedMs = jsqTwoServersSojournMs(2 * RHO * MU_PER_MS, MU_PER_MS, 60);
    assertEquals(29.557, expectedMs, 1e-3);
    assertEquals(expectedMs, meanSojournMs(2, LoadBalancing.LEAST_REQUEST, 43), 0.03 * expectedMs);
  }

  @Test
  void loadAwarePoliciesLieBetweenOneCentralQueueAndRandomRouting() {
    // Over four replicas: a central queue (M/M/4, the best any routing can do without knowing
    // demands) < least request < power of two choices < random. The gaps (17.5, 19.5, 23.3,
    // 50 ms) are many times the runs' scatter (0.3% for least request and two choices).
    double centralMs =
        MEAN_SERVICE_MS + QueueingTheoryTest.erlangC(4, 4 * RHO) / (4 * MU_PER_MS * (1 - RHO));
    double leastRequest = meanSojournMs(4, LoadBalancing.LEAST_REQUEST, 44);
    double twoChoices = meanSojournMs(4, LoadBalancing.POWER_OF_TWO_CHOICES, 45);
    double random = 1 / (MU_PER_MS - RHO * MU_PER_MS);
    assertTrue(centralMs * 1.05 < leastRequest, centralMs + " vs " + leastRequest);
    assertTrue(leastRequest * 1.1 < twoChoices, leastRequest + " vs " + twoChoices);
    assertTrue(twoChoices * 1.5 < random, twoChoices + " vs " + random);
  }

  /**
   * Mean sojourn of a GI/M/1 queue with Erlang-k interarrival gaps of rate {@code lambda} overall
   * (each phase at k·λ): σ is the root in (0, 1) of σ = (kλ / (kλ + μ(1 - σ)))^k, found by fixed
   * point iteration (a contraction there when λ < μ).
   */
  static double erlangGiM1SojournMs(int k, double lambdaPerMs, double muPerMs) {
    double sigma = 0.5;
    for (int i = 0; i < 100_000; i++) {
      double next = Math.pow(k * lambdaPerMs / (k * lambdaPerMs + muPerMs * (1 - sigma)), k);
      if (Math.abs(next - sigma) < 1e-15) {
        break;
      }
      sigma = next;
    }
    return 1 / (muPerMs * (1 - sigma));
  }

  /**
   * Mean sojourn under join-the-shortest-queue over two exponential servers: the stationary
   * distribution of the chain on (shorter, longer) queue lengths, each at most {@code cap} (an
   * arrival that finds both full is lost), by Gauss-Seidel sweeps of the balance equations; then
   * Little's law.
   */
  static double jsqTwoServersSojournMs(double lambdaPerMs, double muPerMs, int cap) {
    int size = cap + 1;
    int states = size * size; // index x * size + y, used for x <= y only
    List<List<double[]>> incoming = new ArrayList<>(); // per target: {source, rate}
    for (int i = 0; i < states; i++) {
      incoming.add(new ArrayList<>());
    }
    double[] out = new double[states];
    for (int x = 0; x <= cap; x++) {
      for (int y = x; y <= cap; y++) {
        int from = x * size + y;
        if (x < y) {
          out[from] += link(incoming, from, (x + 1) * size + y, lambdaPerMs); // the shorter
        } else if (y < cap) {
          out[from] += link(incoming, from, x * size + y + 1, lambdaPerMs); // a tie: either
        }
        if (x > 0) {
          out[from] += link(incoming, from, (x - 1) * size + y, muPerMs);
        }
        if (y > 0) {
          int to = x <= y - 1 ? x * size + y - 1 : (y - 1) * size + x;
          out[from] += link(incoming, from, to, muPerMs);
        }
      }
    }
    double[] p = new double[states];
    java.util.Arrays.fill(p, 1); // any positive start; only ordered states are ever read
    for (int sweep = 0; sweep < 100_000; sweep++) {
      double change = 0;
      double total = 0;
      for (int x = 0; x <= cap; x++) {
        for (int y = x; y <= cap; y++) {
          int to = x * size + y;
          double in = 0;
          for (double[] edge : incoming.get(to)) {
            in += edge[1] * p[(int) edge[0]];
          }
          double next = in / out[to];
          change = Math.max(change, Math.abs(next - p[to]));
          p[to] = next;
          total += next;
        }
      }
      for (int i = 0; i < states; i++) {
        p[i] /= total;
      }
      if (change < 1e-13) {
        break;
      }
    }
    double meanInSystem = 0;
    for (int x = 0; x <= cap; x++) {
      for (int y = x; y <= cap; y++) {
        meanInSystem += (x + y) * p[x * size + y];
      }
    }
    return meanInSystem / lambdaPerMs;
  }

  private static double link(List<List<double[]>> incoming, int from, int to, double rate) {
    incoming.get(to).add(new double[] {from, rate});
    return rate;
  }
}
