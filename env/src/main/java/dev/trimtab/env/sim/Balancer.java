package dev.trimtab.env.sim;

import dev.trimtab.env.topology.LoadBalancing;
import java.util.SplittableRandom;

/**
 * Picks the replica a call to one service goes to, by the service's {@link LoadBalancing} policy.
 * The balancer sees every replica's load as it is at the moment the call arrives: a global, instant
 * view, the best a real client-side balancer could do (docs/simulator.md).
 */
final class Balancer {
  private final LoadBalancing policy;
  private final SplittableRandom rng;
  private int roundRobin;

  /** A balancer drawing its random choices from {@code rng}, which it alone uses. */
  Balancer(LoadBalancing policy, SplittableRandom rng) {
    this.policy = policy;
    this.rng = rng;
  }

  /** One of the first {@code n} replicas of {@code ready}, or null when {@code n} is 0. */
  Replica pick(Replica[] ready, int n) {
    if (policy == LoadBalancing.ROUND_ROBIN) {
      return roundRobin(ready, n);
    }
    if (n <= 1) {
      return n == 0 ? null : ready[0];
    }
    return switch (policy) {
      case RANDOM -> ready[rng.nextInt(n)];
      case LEAST_REQUEST -> leastRequest(ready, n);
      case POWER_OF_TWO_CHOICES -> powerOfTwoChoices(ready, n);
      case ROUND_ROBIN -> throw new AssertionError("handled above");
    };
  }

  private Replica roundRobin(Replica[] ready, int n) {
    if (n == 0) {
      return null;
    }
    if (roundRobin >= n) {
      roundRobin = 0;
    }
    return ready[roundRobin++];
  }

  /** The least loaded replica; among ties each is equally likely (reservoir sampling). */
  private Replica leastRequest(Replica[] ready, int n) {
    Replica best = ready[0];
    int bestLoad = best.inFlight();
    int ties = 1;
    for (int i = 1; i < n; i++) {
      int load = ready[i].inFlight();
      if (load < bestLoad) {
        best = ready[i];
        bestLoad = load;
        ties = 1;
      } else if (load == bestLoad && rng.nextInt(++ties) == 0) {
        best = ready[i];
      }
    }
    return best;
  }

  /** The less loaded of two distinct random replicas; the first drawn wins a tie. */
  private Replica powerOfTwoChoices(Replica[] ready, int n) {
    int a = rng.nextInt(n);
    int b = rng.nextInt(n - 1);
    if (b >= a) {
      b++;
    }
    return ready[b].inFlight() < ready[a].inFlight() ? ready[b] : ready[a];
  }
}
