package dev.trimtab.env.cluster;

import dev.trimtab.env.sim.Simulation;

/**
 * Prepares each episode's simulation before its first interval: attach a fault campaign, set a
 * carbon series, start tracing. What it returns is closed when the episode ends (by reset, by the
 * end of the episode, or by closing the env), so that injected faults are always removed.
 */
@FunctionalInterface
public interface EpisodeSetup {

  /** Nothing to prepare. */
  EpisodeSetup NONE = (sim, seed) -> () -> {};

  /**
   * Prepares {@code sim} for an episode whose randomness comes from {@code episodeSeed}.
   *
   * @return what to close when the episode ends
   */
  AutoCloseable prepare(Simulation sim, long episodeSeed) throws Exception;
}
