package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.EpisodeStats;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;

/**
 * Adds up each episode's rewards and steps and, on the step that ends the episode ({@code
 * terminated} or {@code truncated}), puts an {@link EpisodeStats} into its info under {@link
 * EpisodeStats#KEY} (Gymnasium's {@code RecordEpisodeStatistics}, without wall time). Put it
 * outside a {@link TimeLimit} so that truncated episodes are counted too.
 */
public final class RecordEpisodeStatistics<O, A> extends EnvWrapper<O, A> {
  private double episodeReturn;
  private long lengthSteps;

  public RecordEpisodeStatistics(Env<O, A> env) {
    super(env);
  }

  @Override
  public Reset<O> reset(long seed) {
    Reset<O> reset = super.reset(seed);
    clear();
    return reset;
  }

  @Override
  public Reset<O> reset() {
    Reset<O> reset = super.reset();
    clear();
    return reset;
  }

  private void clear() {
    episodeReturn = 0;
    lengthSteps = 0;
  }

  @Override
  public Step<O> step(A action) {
    Step<O> step = super.step(action);
    episodeReturn += step.reward();
    lengthSteps++;
    if (!step.done()) {
      return step;
    }
    return step.withInfo(
        step.info().with(EpisodeStats.KEY, new EpisodeStats(episodeReturn, lengthSteps)));
  }
}
