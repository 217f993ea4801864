package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Space;

/**
 * An {@link Env} that forwards every call to the env it wraps; subclasses override what they
 * change. Mirrors Gymnasium's {@code Wrapper}.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public abstract class EnvWrapper<O, A> implements Env<O, A> {
  private final Env<O, A> inner;

  protected EnvWrapper(Env<O, A> inner) {
    if (inner == null) {
      throw new IllegalArgumentException("wrapped env must not be null");
    }
    this.inner = inner;
  }

  /** The env this wrapper forwards to. */
  public Env<O, A> inner() {
    return inner;
  }

  @Override
  public Reset<O> reset(long seed) {
    return inner.reset(seed);
  }

  @Override
  public Reset<O> reset() {
    return inner.reset();
  }

  @Override
  public Step<O> step(A action) {
    return inner.step(action);
  }

  @Override
  public Space<O> observationSpace() {
    return inner.observationSpace();
  }

  @Override
  public Space<A> actionSpace() {
    return inner.actionSpace();
  }

  @Override
  public void close() {
    inner.close();
  }
}
