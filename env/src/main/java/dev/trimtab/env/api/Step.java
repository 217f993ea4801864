package dev.trimtab.env.api;

/**
 * What one {@link Env#step} returns, Gymnasium's five-tuple.
 *
 * <p>{@code terminated} and {@code truncated} are kept apart because learning needs the difference:
 * after a true end state the value of the next state is zero; after a cut (a time limit) it is not,
 * and the learner bootstraps from {@link #observation()}. Both may be true at once (the end state
 * was reached on the step the time ran out).
 *
 * @param observation the observation after the action; on a last step, the final observation
 * @param reward the reward for the transition; finite
 * @param terminated the episode reached a terminal state of the task
 * @param truncated the episode was cut short by something outside the task, such as a time limit
 * @param info typed extra information, never null
 * @param <O> the observation type
 */
public record Step<O>(
    O observation, double reward, boolean terminated, boolean truncated, StepInfo info) {

  public Step {
    if (observation == null || info == null) {
      throw new IllegalArgumentException("Step observation and info must not be null");
    }
  }

  /** A step with an empty info. */
  public static <O> Step<O> of(
      O observation, double reward, boolean terminated, boolean truncated) {
    return new Step<>(observation, reward, terminated, truncated, StepInfo.empty());
  }

  /** Whether the episode is over ({@code terminated || truncated}); the next call must be reset. */
  public boolean done() {
    return terminated || truncated;
  }

  /** This step with {@code truncated} set: what a time limit does. */
  public Step<O> truncate() {
    return new Step<>(observation, reward, terminated, true, info);
  }

  /** This step with another info. */
  public Step<O> withInfo(StepInfo newInfo) {
    return new Step<>(observation, reward, terminated, truncated, newInfo);
  }

  /** This step with another observation (wrappers that transform observations use it). */
  public <P> Step<P> withObservation(P newObservation) {
    return new Step<>(newObservation, reward, terminated, truncated, info);
  }
}
