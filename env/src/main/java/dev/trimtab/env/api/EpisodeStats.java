package dev.trimtab.env.api;

/**
 * What an episode added up to, put into the info of its last step by the episode-statistics wrapper
 * (Gymnasium's {@code info["episode"]}).
 *
 * @param episodeReturn the sum of the episode's rewards, undiscounted
 * @param lengthSteps the number of steps the episode took, at least 1
 */
public record EpisodeStats(double episodeReturn, long lengthSteps) {
  /** The key under which {@link StepInfo} holds the statistics of a finished episode. */
  public static final InfoKey<EpisodeStats> KEY = InfoKey.named("episode");

  public EpisodeStats {
    if (lengthSteps < 1) {
      throw new IllegalArgumentException("episode length must be at least 1, got " + lengthSteps);
    }
  }
}
