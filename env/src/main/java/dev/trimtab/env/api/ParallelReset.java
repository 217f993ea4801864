package dev.trimtab.env.api;

import java.util.Map;

/**
 * What {@link ParallelEnv#reset} returns: one {@link Reset} per live agent, keyed by agent id, in
 * the env's agent order.
 *
 * @param resets each live agent's first observation and info
 * @param <I> the agent id type
 * @param <O> the observation type
 */
public record ParallelReset<I, O>(Map<I, Reset<O>> resets) {

  public ParallelReset {
    resets = AgentMaps.copyOrdered(resets, "ParallelReset resets");
  }

  /** Each agent's first observation. */
  public Map<I, O> observations() {
    return AgentMaps.mapValues(resets, Reset::observation);
  }

  /** Each agent's info. */
  public Map<I, StepInfo> infos() {
    return AgentMaps.mapValues(resets, Reset::info);
  }
}
