package dev.trimtab.env.api;

import java.util.Map;

/**
 * What one {@link ParallelEnv#step} returns: one {@link Step} per agent that was live when the step
 * began, keyed by agent id, in the env's agent order.
 *
 * <p>PettingZoo returns five parallel dicts; holding one {@link Step} per agent instead makes it
 * impossible for the five to disagree on their keys. The five maps are still available as views
 * ({@link #observations()}, {@link #rewards()}, {@link #terminations()}, {@link #truncations()},
 * {@link #infos()}).
 *
 * @param steps each agent's step; an agent whose step is done is gone from {@link
 *     ParallelEnv#agents()} once this step has returned
 * @param <I> the agent id type
 * @param <O> the observation type
 */
public record ParallelStep<I, O>(Map<I, Step<O>> steps) {

  public ParallelStep {
    steps = AgentMaps.copyOrdered(steps, "ParallelStep steps");
  }

  /** Each agent's observation. */
  public Map<I, O> observations() {
    return AgentMaps.mapValues(steps, Step::observation);
  }

  /** Each agent's reward. */
  public Map<I, Double> rewards() {
    return AgentMaps.mapValues(steps, Step::reward);
  }

  /** Each agent's {@code terminated} flag. */
  public Map<I, Boolean> terminations() {
    return AgentMaps.mapValues(steps, Step::terminated);
  }

  /** Each agent's {@code truncated} flag. */
  public Map<I, Boolean> truncations() {
    return AgentMaps.mapValues(steps, Step::truncated);
  }

  /** Each agent's info. */
  public Map<I, StepInfo> infos() {
    return AgentMaps.mapValues(steps, Step::info);
  }

  /** The step of one agent. */
  public Step<O> step(I agent) {
    Step<O> step = steps.get(agent);
    if (step == null) {
      throw new IllegalArgumentException(
          "no step for agent " + agent + "; agents " + steps.keySet());
    }
    return step;
  }
}
