package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;

/**
 * Ends every episode after at most {@code maxSteps} steps by setting {@code truncated} on the
 * {@code maxSteps}-th step; it never sets {@code terminated}, since running out of time is not an
 * end state of the task (Gymnasium's {@code TimeLimit}). If the wrapped env terminates on that same
 * step, both flags are true.
 *
 * <p>Because the wrapped env does not know its episode was cut, this wrapper itself throws {@link
 * IllegalStateException} on a step after the cut, keeping the {@link Env} contract.
 */
public final class TimeLimit<O, A> extends EnvWrapper<O, A> {
  private final int maxSteps;
  private int elapsedSteps;
  private boolean running;

  /**
   * @param env the env to limit
   * @param maxSteps the most steps an episode may take; at least 1
   */
  public TimeLimit(Env<O, A> env, int maxSteps) {
    super(env);
    if (maxSteps < 1) {
      throw new IllegalArgumentException("TimeLimit maxSteps must be at least 1, got " + maxSteps);
    }
    this.maxSteps = maxSteps;
  }

  /** The most steps an episode may take. */
  public int maxSteps() {
    return maxSteps;
  }

  /** The steps taken in the current episode. */
  public int elapsedSteps() {
    return elapsedSteps;
  }

  @Override
  public Reset<O> reset(long seed) {
    Reset<O> reset = super.reset(seed);
    start();
    return reset;
  }

  @Override
  public Reset<O> reset() {
    Reset<O> reset = super.reset();
    start();
    return reset;
  }

  private void start() {
    elapsedSteps = 0;
    running = true;
  }

  @Override
  public Step<O> step(A action) {
    if (!running) {
      throw new IllegalStateException(
          "TimeLimit: step without a running episode; call reset first");
    }
    Step<O> step = super.step(action);
    elapsedSteps++;
    if (elapsedSteps >= maxSteps && !step.truncated()) {
      step = step.truncate();
    }
    running = !step.done();
    return step;
  }
}
