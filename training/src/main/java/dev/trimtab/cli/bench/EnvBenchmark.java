package dev.trimtab.cli.bench;

import dev.trimtab.env.cluster.ClusterEnv;
import dev.trimtab.env.space.Space;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Measures {@link ClusterEnv} steps per second on the calling thread under uniformly random actions
 * (each agent samples its own action space from a seeded stream): a warm-up of steps is discarded,
 * then a window of steps is timed. Episodes are reset when they end, inside the timed window, as a
 * training loop would.
 */
public final class EnvBenchmark {
  private final LongSupplier nanoClock;

  /** {@code nanoClock} is {@code System::nanoTime} outside tests. */
  public EnvBenchmark(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Result of one measurement. */
  public record Result(long steps, long requests, double wallS) {}

  /** Runs {@code warmupSteps}, then times {@code steps}. */
  public <A> Result measure(ClusterEnv<A> env, long seed, int warmupSteps, int steps) {
    SplittableRandom actionRng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    env.reset(seed);
    run(env, actionRng, warmupSteps);
    long requestsBefore = env.simulation().summary().requests();
    long start = nanoClock.getAsLong();
    long requests = run(env, actionRng, steps) - requestsBefore;
    long end = nanoClock.getAsLong();
    return new Result(steps, requests, (end - start) / 1e9);
  }

  /** Steps {@code n} times; returns the requests of the episode running at the end, plus ended. */
  private static <A> long run(ClusterEnv<A> env, SplittableRandom rng, int n) {
    long endedEpisodesRequests = 0;
    Map<String, A> actions = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      actions.clear();
      for (String agent : env.agents()) {
        Space<A> space = env.actionSpace(agent);
        actions.put(agent, space.sample(rng));
      }
      env.step(actions);
      if (env.agents().isEmpty()) {
        endedEpisodesRequests += env.simulation().summary().requests();
        env.reset();
      }
    }
    return endedEpisodesRequests + env.simulation().summary().requests();
  }
}
