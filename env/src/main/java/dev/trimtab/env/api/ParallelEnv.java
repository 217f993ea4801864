package dev.trimtab.env.api;

import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Space;
import java.util.List;
import java.util.Map;

/**
 * A multi-agent environment in which all live agents act at once: PettingZoo's parallel API. In
 * Trimtab an agent is a microservice and its id names the service.
 *
 * <p>Contract (checked by {@code dev.trimtab.env.testkit.ParallelEnvChecker}), beyond {@link Env}'s
 * rules on seeds, determinism, finite rewards and step order, which hold here per agent:
 *
 * <ul>
 *   <li>{@link #possibleAgents()} is fixed for the env's life; {@link #agents()} (the live agents)
 *       is always a subset of it, in the same relative order.
 *   <li>A reset's results are keyed exactly by {@link #agents()} after the reset (never empty); a
 *       step's results exactly by the agents live when the step began, including those it ends.
 *   <li>An agent whose step is {@link Step#done() done} is removed from {@link #agents()} before
 *       {@link #step} returns, so the next step neither needs nor accepts its action.
 *   <li>{@link #step} needs an action for every live agent and throws {@link
 *       IllegalArgumentException}, leaving the env unchanged, if one is missing or if there is one
 *       for an agent that is not live. Once no agent is live the episode is over, and {@link #step}
 *       throws {@link IllegalStateException} until a reset.
 *   <li>Space getters return the same object on every call for a given agent.
 *   <li>{@link #state()} is inside {@link #stateSpace()} after every reset and step.
 * </ul>
 *
 * @param <I> the agent id type; an immutable value with {@code equals} (a service name, say)
 * @param <O> the type of each agent's observation
 * @param <A> the type of each agent's action
 */
public interface ParallelEnv<I, O, A> extends AutoCloseable {

  /** Every agent that can ever be live, in a fixed order. */
  List<I> possibleAgents();

  /** The agents live now, in the order of {@link #possibleAgents()}. */
  List<I> agents();

  /**
   * Starts an episode seeded from {@code seed}; see {@link Env#reset(long)}.
   *
   * @return one reset per live agent
   */
  ParallelReset<I, O> reset(long seed);

  /**
   * Starts the next episode, continuing the random streams of the last {@link #reset(long)}.
   *
   * @throws IllegalStateException if the env was never reset with a seed
   */
  ParallelReset<I, O> reset();

  /**
   * Applies one action per live agent and advances the env one step.
   *
   * @param actions exactly one action for each agent in {@link #agents()}
   * @throws IllegalStateException before the first reset or when no agent is live
   * @throws IllegalArgumentException if an action is missing, is for an agent not live, or is
   *     outside that agent's action space
   */
  ParallelStep<I, O> step(Map<I, A> actions);

  /**
   * The observation space of {@code agent}, one of {@link #possibleAgents()}; same object each
   * call.
   */
  Space<O> observationSpace(I agent);

  /** The action space of {@code agent}, one of {@link #possibleAgents()}; same object each call. */
  Space<A> actionSpace(I agent);

  /**
   * The global state, the input of a centralised critic (MAPPO). It is a flat vector because a
   * critic network takes one; an env with richer state flattens it.
   *
   * @throws IllegalStateException before the first reset
   */
  double[] state();

  /** The space of {@link #state()}; the same object on every call. */
  Box stateSpace();

  /** Releases whatever the env holds; the env is not used afterwards. */
  @Override
  void close();
}
