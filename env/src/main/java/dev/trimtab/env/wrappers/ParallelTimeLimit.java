package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a parallel episode after {@code maxSteps} steps: on that step every agent still live gets
 * {@code truncated} (never {@code terminated}), and {@link #agents()} is empty until the next
 * reset. A step after the cut throws {@link IllegalStateException}, as the {@link ParallelEnv}
 * contract asks, even though the wrapped env would go on.
 */
public final class ParallelTimeLimit<I, O, A> extends ParallelEnvWrapper<I, O, A> {
  private final int maxSteps;
  private int elapsedSteps;
  private boolean cut;

  /**
   * @param env the env to limit
   * @param maxSteps the most steps an episode may take; at least 1
   */
  public ParallelTimeLimit(ParallelEnv<I, O, A> env, int maxSteps) {
    super(env);
    if (maxSteps < 1) {
      throw new IllegalArgumentException(
          "ParallelTimeLimit maxSteps must be at least 1, got " + maxSteps);
    }
    this.maxSteps = maxSteps;
  }

  /** The steps taken in the current episode. */
  public int elapsedSteps() {
    return elapsedSteps;
  }

  @Override
  public List<I> agents() {
    return cut ? List.of() : super.agents();
  }

  @Override
  public ParallelReset<I, O> reset(long seed) {
    ParallelReset<I, O> reset = super.reset(seed);
    elapsedSteps = 0;
    cut = false;
    return reset;
  }

  @Override
  public ParallelReset<I, O> reset() {
    ParallelReset<I, O> reset = super.reset();
    elapsedSteps = 0;
    cut = false;
    return reset;
  }

  @Override
  public ParallelStep<I, O> step(Map<I, A> actions) {
    if (cut) {
      throw new IllegalStateException(
          "ParallelTimeLimit: the episode was cut at " + maxSteps + " steps; call reset first");
    }
    ParallelStep<I, O> step = super.step(actions);
    elapsedSteps++;
    if (elapsedSteps < maxSteps) {
      return step;
    }
    cut = true;
    Map<I, Step<O>> truncated = new LinkedHashMap<>();
    step.steps().forEach((agent, s) -> truncated.put(agent, s.truncated() ? s : s.truncate()));
    return new ParallelStep<>(truncated);
  }
}
