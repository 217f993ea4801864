package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.EpisodeStats;
import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Step;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per agent, adds up rewards and steps since the reset and, on the step where that agent is done,
 * puts an {@link EpisodeStats} into its info under {@link EpisodeStats#KEY}. Agents that leave
 * early get their statistics when they leave. Put it outside a {@link ParallelTimeLimit}.
 */
public final class ParallelRecordEpisodeStatistics<I, O, A> extends ParallelEnvWrapper<I, O, A> {
  private final Map<I, double[]> returns = new HashMap<>();
  private final Map<I, long[]> lengths = new HashMap<>();

  public ParallelRecordEpisodeStatistics(ParallelEnv<I, O, A> env) {
    super(env);
  }

  @Override
  public ParallelReset<I, O> reset(long seed) {
    ParallelReset<I, O> reset = super.reset(seed);
    clear();
    return reset;
  }

  @Override
  public ParallelReset<I, O> reset() {
    ParallelReset<I, O> reset = super.reset();
    clear();
    return reset;
  }

  private void clear() {
    returns.clear();
    lengths.clear();
  }

  @Override
  public ParallelStep<I, O> step(Map<I, A> actions) {
    ParallelStep<I, O> step = super.step(actions);
    Map<I, Step<O>> out = new LinkedHashMap<>();
    step.steps().forEach((agent, s) -> out.put(agent, record(agent, s)));
    return new ParallelStep<>(out);
  }

  private Step<O> record(I agent, Step<O> step) {
    double[] episodeReturn = returns.computeIfAbsent(agent, a -> new double[1]);
    long[] length = lengths.computeIfAbsent(agent, a -> new long[1]);
    episodeReturn[0] += step.reward();
    length[0]++;
    if (!step.done()) {
      return step;
    }
    return step.withInfo(
        step.info().with(EpisodeStats.KEY, new EpisodeStats(episodeReturn[0], length[0])));
  }
}
