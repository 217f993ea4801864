package dev.trimtab.env.api;

/**
 * What {@link Env#reset} returns: the first observation of an episode and its info.
 *
 * @param observation the first observation
 * @param info typed extra information, never null
 * @param <O> the observation type
 */
public record Reset<O>(O observation, StepInfo info) {

  public Reset {
    if (observation == null || info == null) {
      throw new IllegalArgumentException("Reset observation and info must not be null");
    }
  }

  /** A reset with an empty info. */
  public static <O> Reset<O> of(O observation) {
    return new Reset<>(observation, StepInfo.empty());
  }

  /** This reset with another observation (wrappers that transform observations use it). */
  public <P> Reset<P> withObservation(P newObservation) {
    return new Reset<>(newObservation, info);
  }
}
