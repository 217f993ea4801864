package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Space;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Steps {@code n} envs in lockstep on the calling thread, for batched rollouts (Gymnasium's {@code
 * SyncVectorEnv}). {@link #reset(long) reset(seed)} resets env {@code i} with {@code seed + i}, so
 * the envs run different episodes yet the whole batch is reproducible from one seed.
 *
 * <p><b>Autoreset: same-step</b> (Gymnasium 1.x {@code AutoresetMode.SAME_STEP}, which was also the
 * rule of Gymnasium before 1.0). When env {@code i}'s step is done, this same {@link #step} call
 * resets it with {@link Env#reset()} (continuing the stream of its seed) and reports the reset in
 * {@link VectorStep#autoResets()}; {@link VectorStep#steps()} still holds the real last transition,
 * whose observation is the final observation (Gymnasium puts it in {@code info["final_obs"]}), and
 * {@link VectorStep#observations()} holds the reset observation, which is what the next action for
 * env {@code i} answers. Chosen over Gymnasium 1.0's default next-step rule because every
 * transition a learner receives is then real: no dummy step after each episode end to mask out of
 * the buffer, a fixed number of real transitions per rollout, and the final observation for
 * bootstrapping a truncated episode sits in a typed field.
 *
 * <p>Actions are checked against the action space before any env steps, so a bad action leaves
 * every env as it was.
 */
public final class SyncVectorEnv<O, A> implements AutoCloseable {
  private final List<Env<O, A>> envs;

  /**
   * @param envs the envs to step; at least one, all with equal observation and action spaces
   */
  public SyncVectorEnv(List<? extends Env<O, A>> envs) {
    if (envs == null || envs.isEmpty()) {
      throw new IllegalArgumentException("SyncVectorEnv needs at least one env");
    }
    this.envs = List.copyOf(envs);
    Env<O, A> first = this.envs.get(0);
    for (int i = 1; i < this.envs.size(); i++) {
      Env<O, A> env = this.envs.get(i);
      if (!env.observationSpace().equals(first.observationSpace())
          || !env.actionSpace().equals(first.actionSpace())) {
        throw new IllegalArgumentException("env " + i + " has other spaces than env 0");
      }
    }
  }

  /** {@code n} envs made by {@code factory}. */
  public static <O, A> SyncVectorEnv<O, A> of(int n, Supplier<? extends Env<O, A>> factory) {
    if (n < 1) {
      throw new IllegalArgumentException("SyncVectorEnv needs n >= 1, got " + n);
    }
    List<Env<O, A>> envs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      envs.add(factory.get());
    }
    return new SyncVectorEnv<>(envs);
  }

  /** The number of envs. */
  public int numEnvs() {
    return envs.size();
  }

  /** The observation space of each env. */
  public Space<O> singleObservationSpace() {
    return envs.get(0).observationSpace();
  }

  /** The action space of each env. */
  public Space<A> singleActionSpace() {
    return envs.get(0).actionSpace();
  }

  /** Resets env {@code i} with {@code seed + i}. */
  public List<Reset<O>> reset(long seed) {
    List<Reset<O>> resets = new ArrayList<>(envs.size());
    for (int i = 0; i < envs.size(); i++) {
      resets.add(envs.get(i).reset(seed + i));
    }
    return List.copyOf(resets);
  }

  /** Resets every env, continuing the stream of its last seeded reset. */
  public List<Reset<O>> reset() {
    List<Reset<O>> resets = new ArrayList<>(envs.size());
    for (Env<O, A> env : envs) {
      resets.add(env.reset());
    }
    return List.copyOf(resets);
  }

  /**
   * Steps env {@code i} with {@code actions.get(i)} and resets each env whose episode ended, in the
   * same call (same-step autoreset, see the class comment).
   *
   * @throws IllegalArgumentException if there is not exactly one action per env, or one is outside
   *     the action space; no env has stepped then
   */
  public VectorStep<O> step(List<A> actions) {
    if (actions.size() != envs.size()) {
      throw new IllegalArgumentException(
          "need one action per env: " + envs.size() + " envs, " + actions.size() + " actions");
    }
    Space<A> actionSpace = singleActionSpace();
    for (int i = 0; i < actions.size(); i++) {
      if (!actionSpace.contains(actions.get(i))) {
        throw new IllegalArgumentException(
            "action " + i + " is not in the action space " + actionSpace);
      }
    }
    List<Step<O>> steps = new ArrayList<>(envs.size());
    Map<Integer, Reset<O>> resets = new HashMap<>();
    for (int i = 0; i < envs.size(); i++) {
      Step<O> step = envs.get(i).step(actions.get(i));
      steps.add(step);
      if (step.done()) {
        resets.put(i, envs.get(i).reset());
      }
    }
    return new VectorStep<>(steps, resets);
  }

  @Override
  public void close() {
    for (Env<O, A> env : envs) {
      env.close();
    }
  }
}
