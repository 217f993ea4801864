package dev.trimtab.env.api;

import dev.trimtab.env.space.Space;

/**
 * A single-agent environment, Gymnasium's {@code Env}: reset, then step until the episode ends,
 * then reset again.
 *
 * <p>Contract (checked by {@code dev.trimtab.env.testkit.EnvChecker}):
 *
 * <ul>
 *   <li>Every observation returned is inside {@link #observationSpace()}; every reward is finite.
 *   <li>{@link #observationSpace()} and {@link #actionSpace()} return the same object on every
 *       call, so callers may cache them and compare by identity.
 *   <li>Determinism: the results are a function of the seed and the actions only. Two envs built
 *       alike, given {@code reset(seed)} and then the same calls, return equal observations,
 *       rewards and flags; so does one env reset with the same seed again.
 *   <li>{@link #step} before the first reset, or after a step that returned {@link Step#done()},
 *       throws {@link IllegalStateException}. {@link #reset()} before any {@link #reset(long)}
 *       throws {@link IllegalStateException}: the first seed must be named.
 *   <li>An action outside {@link #actionSpace()} throws {@link IllegalArgumentException} and leaves
 *       the env unchanged.
 * </ul>
 *
 * <p>Implementations are not thread-safe; a vector env runs one env per slot.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public interface Env<O, A> extends AutoCloseable {

  /**
   * Starts an episode with all randomness seeded from {@code seed}, discarding whatever episode was
   * running. Use it for the first reset, and whenever a run must be reproduced from a seed.
   */
  Reset<O> reset(long seed);

  /**
   * Starts the next episode, continuing the random streams that the last {@link #reset(long)}
   * began, as Gymnasium's {@code reset(seed=None)} does. The episodes that follow {@code
   * reset(seed)} are therefore reproducible from that one seed, yet differ from each other.
   *
   * @throws IllegalStateException if the env was never reset with a seed
   */
  Reset<O> reset();

  /**
   * Applies {@code action} and advances the env by one step (for the cluster env, one control
   * interval of simulated time).
   *
   * @throws IllegalStateException before the first reset or after the episode ended
   * @throws IllegalArgumentException if {@code action} is not in {@link #actionSpace()}
   */
  Step<O> step(A action);

  /** The space of observations; the same object on every call. */
  Space<O> observationSpace();

  /** The space of actions; the same object on every call. */
  Space<A> actionSpace();

  /** Releases whatever the env holds; the env is not used afterwards. Does not throw checked. */
  @Override
  void close();
}
