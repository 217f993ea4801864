package dev.trimtab.env.testkit;

import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Checks that a {@link ParallelEnv} keeps its contract (PettingZoo's {@code parallel_api_test} and
 * {@code parallel_seed_test}), the same way {@link EnvChecker} checks an {@code Env}, plus the
 * agent rules: {@code possibleAgents()} is fixed and without duplicates; {@code agents()} stays
 * inside it and loses exactly the agents whose step was done; results are keyed exactly by the
 * agents live when the call began (for a reset, live after it); a missing action, one outside its
 * agent's action space, or one for an agent no longer live is refused with {@link
 * IllegalArgumentException}; {@code state()} is inside {@code stateSpace()}; when no agent is live
 * a step throws {@link IllegalStateException} until {@code reset()}.
 *
 * <p>Determinism compares, per event, the live agents, each agent's observation, reward and flags,
 * and {@code state()}, across two fresh envs and across two seeded resets of one env. Only the
 * first rollout probes refused actions, so the comparison also shows that they left the env
 * unchanged.
 */
public final class ParallelEnvChecker {
  private ParallelEnvChecker() {}

  /**
   * Runs the checks on envs from {@code factory}.
   *
   * @param factory makes a fresh env on each call; called three times
   * @param seed the seed of the rollouts and of the action draws
   * @param steps steps per rollout; at least 1
   * @return what the check covered
   * @throws EnvCheckException naming the first rule that failed
   */
  public static <I, O, A> CheckReport check(
      Supplier<? extends ParallelEnv<I, O, A>> factory, long seed, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    try (ParallelEnv<I, O, A> fresh = factory.get()) {
      checkOrder(fresh, new SplittableRandom(seed));
    }
    List<Map<I, A>> actions = new ArrayList<>();
    RandomGenerator actionRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
    try (ParallelEnv<I, O, A> first = factory.get();
        ParallelEnv<I, O, A> second = factory.get()) {
      ParallelRollout<I, O, A> reference = new ParallelRollout<>(first);
      List<ParallelEvent<I, O>> run1 =
          reference.run(seed, steps, actions, actionRandom, null, null);
      new ParallelRollout<>(second).run(seed, steps, actions, null, run1, "two fresh envs");
      int episodesEnded = reference.episodesEnded();
      reference.run(seed, steps, actions, null, run1, "one env reset twice with the same seed");
      return new CheckReport(steps, episodesEnded);
    }
  }

  private static <I, O, A> void checkOrder(ParallelEnv<I, O, A> env, RandomGenerator random) {
    Probes.expectThrows(
        EnvRule.UNSEEDED_RESET, IllegalStateException.class, "reset() on a fresh env", env::reset);
    Map<I, A> actions = new LinkedHashMap<>();
    for (I agent : env.possibleAgents()) {
      actions.put(agent, env.actionSpace(agent).sample(random));
    }
    Probes.expectThrows(
        EnvRule.STEP_BEFORE_RESET,
        IllegalStateException.class,
        "step on a fresh env",
        () -> env.step(actions));
  }

  /** Rejects a step that holds data for an agent twice or for none. */
  static <I> void checkKeys(List<I> live, Map<I, ?> result, String where) {
    if (!new ArrayList<>(result.keySet()).containsAll(live)
        || result.size() != live.size()
        || !live.containsAll(result.keySet())) {
      throw new EnvCheckException(
          EnvRule.AGENT_KEYS, where + ": keys " + result.keySet() + ", live agents " + live);
    }
  }

  /** Fails unless every observation is inside its agent's space and every reward finite. */
  static <I, O> void checkStep(ParallelEnv<I, O, ?> env, ParallelStep<I, O> step, String where) {
    for (Map.Entry<I, Step<O>> e : step.steps().entrySet()) {
      String at = where + ", agent " + e.getKey();
      Probes.inSpace(
          EnvRule.OBSERVATION_IN_SPACE,
          env.observationSpace(e.getKey()),
          e.getValue().observation(),
          at);
      Probes.finiteReward(e.getValue().reward(), at);
    }
  }

  /** Fails unless every reset observation is inside its agent's space. */
  static <I, O> void checkReset(ParallelEnv<I, O, ?> env, ParallelReset<I, O> reset, String where) {
    reset
        .observations()
        .forEach(
            (agent, observation) ->
                Probes.inSpace(
                    EnvRule.OBSERVATION_IN_SPACE,
                    env.observationSpace(agent),
                    observation,
                    where + ", agent " + agent));
  }
}
