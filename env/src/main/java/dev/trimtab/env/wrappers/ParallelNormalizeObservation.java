package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Space;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link NormalizeObservation} for a {@link ParallelEnv}: each agent's {@link Box} observations are
 * standardised with that agent's own running mean and population variance (update, then normalise),
 * because agents' observations differ in scale (a busy frontend and an idle cache). Statistics
 * carry over between episodes; {@link #setUpdating(boolean) stop updating} for evaluation. Each
 * agent's observation space becomes an unbounded Box of the same dimension, the same object on
 * every call.
 *
 * @param <I> the agent id type
 * @param <A> the action type
 */
public final class ParallelNormalizeObservation<I, A> extends ParallelEnvWrapper<I, double[], A> {
  private final Map<I, Box> spaces;
  private final Map<I, RunningMeanVar> statistics;
  private boolean updating = true;

  /** Normalises with statistics that start empty for every agent. */
  public ParallelNormalizeObservation(ParallelEnv<I, double[], A> env) {
    super(env);
    Map<I, Box> boxes = new LinkedHashMap<>();
    Map<I, RunningMeanVar> stats = new LinkedHashMap<>();
    for (I agent : env.possibleAgents()) {
      if (!(env.observationSpace(agent) instanceof Box box)) {
        throw new IllegalArgumentException(
            "ParallelNormalizeObservation needs Box observation spaces; agent "
                + agent
                + " has "
                + env.observationSpace(agent));
      }
      boxes.put(agent, Box.unbounded(box.dims()));
      stats.put(agent, new RunningMeanVar(box.dims()));
    }
    this.spaces = Collections.unmodifiableMap(boxes);
    this.statistics = stats;
  }

  /** Turns updating of the running statistics on (training) or off (evaluation). */
  public void setUpdating(boolean updating) {
    this.updating = updating;
  }

  /** A snapshot of {@code agent}'s running statistics. */
  public RunningMeanVar statistics(I agent) {
    return known(statistics.get(agent), agent).copy();
  }

  @Override
  public Space<double[]> observationSpace(I agent) {
    return known(spaces.get(agent), agent);
  }

  private <T> T known(T value, I agent) {
    if (value == null) {
      throw new IllegalArgumentException(
          "unknown agent " + agent + "; possible agents " + spaces.keySet());
    }
    return value;
  }

  @Override
  public ParallelReset<I, double[]> reset(long seed) {
    return normalize(super.reset(seed));
  }

  @Override
  public ParallelReset<I, double[]> reset() {
    return normalize(super.reset());
  }

  private ParallelReset<I, double[]> normalize(ParallelReset<I, double[]> reset) {
    Map<I, Reset<double[]>> out = new LinkedHashMap<>();
    reset
        .resets()
        .forEach(
            (agent, r) -> out.put(agent, r.withObservation(normalize(agent, r.observation()))));
    return new ParallelReset<>(out);
  }

  @Override
  public ParallelStep<I, double[]> step(Map<I, A> actions) {
    Map<I, Step<double[]>> out = new LinkedHashMap<>();
    super.step(actions)
        .steps()
        .forEach(
            (agent, s) -> out.put(agent, s.withObservation(normalize(agent, s.observation()))));
    return new ParallelStep<>(out);
  }

  private double[] normalize(I agent, double[] observation) {
    RunningMeanVar stats = known(statistics.get(agent), agent);
    if (updating) {
      stats.update(observation);
    }
    return stats.normalize(observation, NormalizeObservation.EPSILON);
  }
}
