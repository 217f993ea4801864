package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Space;
import java.util.List;
import java.util.Map;

/**
 * A {@link ParallelEnv} that forwards every call to the env it wraps; subclasses override what they
 * change. Mirrors PettingZoo's {@code BaseParallelWrapper}.
 */
public abstract class ParallelEnvWrapper<I, O, A> implements ParallelEnv<I, O, A> {
  private final ParallelEnv<I, O, A> inner;

  protected ParallelEnvWrapper(ParallelEnv<I, O, A> inner) {
    if (inner == null) {
      throw new IllegalArgumentException("wrapped env must not be null");
    }
    this.inner = inner;
  }

  /** The env this wrapper forwards to. */
  public ParallelEnv<I, O, A> inner() {
    return inner;
  }

  @Override
  public List<I> possibleAgents() {
    return inner.possibleAgents();
  }

  @Override
  public List<I> agents() {
    return inner.agents();
  }

  @Override
  public ParallelReset<I, O> reset(long seed) {
    return inner.reset(seed);
  }

  @Override
  public ParallelReset<I, O> reset() {
    return inner.reset();
  }

  @Override
  public ParallelStep<I, O> step(Map<I, A> actions) {
    return inner.step(actions);
  }

  @Override
  public Space<O> observationSpace(I agent) {
    return inner.observationSpace(agent);
  }

  @Override
  public Space<A> actionSpace(I agent) {
    return inner.actionSpace(agent);
  }

  @Override
  public double[] state() {
    return inner.state();
  }

  @Override
  public Box stateSpace() {
    return inner.stateSpace();
  }

  @Override
  public void close() {
    inner.close();
  }
}
