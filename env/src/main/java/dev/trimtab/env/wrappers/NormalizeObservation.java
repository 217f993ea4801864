package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Space;

/**
 * Standardises {@link Box} observations: each dimension becomes {@code (x - mean) / sqrt(var +
 * 1e-8)} using the running mean and population variance of every observation seen so far, including
 * the one being normalised (Gymnasium's {@code NormalizeObservation}: update, then normalise).
 * Observations from reset and step both count, and the statistics carry over from one episode to
 * the next. Unlike Gymnasium, whose statistics start from a prior (variance 1 with weight 1e-4),
 * these start empty, so the first observation maps to zero and the mean and variance are exactly
 * those of the observations seen.
 *
 * <p>Because the statistics carry over, one instance reset twice with the same seed gives different
 * observations while it is updating: the env checker's reset-determinism rule fails on it by
 * design. Check the wrapped env, or this wrapper with updating turned off.
 *
 * <p>For evaluation, {@link #setUpdating(boolean) stop updating} so the policy sees the scaling it
 * was trained with, and pass the training statistics in through the constructor. The observation
 * space becomes an unbounded Box of the same dimension.
 */
public final class NormalizeObservation<A> extends EnvWrapper<double[], A> {
  /** Added to the variance before the square root so that a constant dimension maps to zero. */
  public static final double EPSILON = 1e-8;

  private final Box space;
  private final RunningMeanVar statistics;
  private boolean updating = true;

  /** Normalises with statistics that start empty. */
  public NormalizeObservation(Env<double[], A> env) {
    this(env, null);
  }

  /**
   * Normalises starting from a copy of {@code initial} (for example the statistics of a training
   * run); {@code null} starts empty.
   */
  public NormalizeObservation(Env<double[], A> env, RunningMeanVar initial) {
    super(env);
    if (!(env.observationSpace() instanceof Box box)) {
      throw new IllegalArgumentException(
          "NormalizeObservation needs a Box observation space, got " + env.observationSpace());
    }
    if (initial != null && initial.dims() != box.dims()) {
      throw new IllegalArgumentException(
          "initial statistics have " + initial.dims() + " dimensions, space has " + box.dims());
    }
    this.space = Box.unbounded(box.dims());
    this.statistics = initial == null ? new RunningMeanVar(box.dims()) : initial.copy();
  }

  /** Turns updating of the running statistics on (training) or off (evaluation). */
  public void setUpdating(boolean updating) {
    this.updating = updating;
  }

  /** Whether observations still update the running statistics. */
  public boolean isUpdating() {
    return updating;
  }

  /** A snapshot of the running statistics. */
  public RunningMeanVar statistics() {
    return statistics.copy();
  }

  @Override
  public Space<double[]> observationSpace() {
    return space;
  }

  @Override
  public Reset<double[]> reset(long seed) {
    Reset<double[]> reset = super.reset(seed);
    return reset.withObservation(normalize(reset.observation()));
  }

  @Override
  public Reset<double[]> reset() {
    Reset<double[]> reset = super.reset();
    return reset.withObservation(normalize(reset.observation()));
  }

  @Override
  public Step<double[]> step(A action) {
    Step<double[]> step = super.step(action);
    return step.withObservation(normalize(step.observation()));
  }

  private double[] normalize(double[] observation) {
    if (updating) {
      statistics.update(observation);
    }
    return statistics.normalize(observation, EPSILON);
  }
}
