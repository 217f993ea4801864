package dev.trimtab.env.workload;

import java.util.Map;
import java.util.random.RandomGenerator;

/** A described, reusable workload: each {@link #open} starts its arrivals from simulated time 0. */
public interface Workload {

  /** Starts a fresh stream of arrivals drawing randomness only from {@code rng}. */
  ArrivalStream open(RandomGenerator rng);

  /**
   * Request mix by endpoint name (relative weights), or an empty map to use the topology's endpoint
   * weights.
   */
  Map<String, Double> mix();

  /** Mean arrival rate over the first {@code horizonS} seconds, for reports; may be estimated. */
  double meanRatePerS(double horizonS);

  /** One line for humans, e.g. {@code "poisson 200 req/s"}. */
  String describe();
}
