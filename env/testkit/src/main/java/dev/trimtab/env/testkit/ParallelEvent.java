package dev.trimtab.env.testkit;

import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Space;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One reset or step of a parallel rollout, as the determinism rules compare it.
 *
 * @param reset whether the event is a reset (then the steps hold the reset observations with reward
 *     0 and no flags)
 * @param steps each agent's result, in the env's order
 * @param state {@code state()} after the event
 */
record ParallelEvent<I, O>(boolean reset, Map<I, Step<O>> steps, double[] state) {

  /** Compares event {@code i} of a replay with the reference's event {@code i}. */
  static <I, O> void compare(
      ParallelEnv<I, O, ?> env,
      List<ParallelEvent<I, O>> expected,
      int i,
      ParallelEvent<I, O> actual,
      String how) {
    ParallelEvent<I, O> e = expected.get(i);
    EnvRule rule = e.reset ? EnvRule.RESET_DETERMINISTIC : EnvRule.STEP_DETERMINISTIC;
    String where = how + " differ at event " + i + (e.reset ? " (a reset)" : " (a step)");
    e.compareTo(env, actual, rule, where);
  }

  private void compareTo(
      ParallelEnv<I, O, ?> env, ParallelEvent<I, O> other, EnvRule rule, String where) {
    if (!List.copyOf(steps.keySet()).equals(List.copyOf(other.steps.keySet()))) {
      throw new EnvCheckException(
          rule, where + ": agents " + steps.keySet() + " vs " + other.steps.keySet());
    }
    for (Map.Entry<I, Step<O>> entry : steps.entrySet()) {
      compareAgent(env.observationSpace(entry.getKey()), entry, other, rule, where);
    }
    if (!Arrays.equals(state, other.state)) {
      throw new EnvCheckException(
          rule,
          where + ": state " + Arrays.toString(state) + " vs " + Arrays.toString(other.state));
    }
  }

  private void compareAgent(
      Space<O> space,
      Map.Entry<I, Step<O>> entry,
      ParallelEvent<I, O> other,
      EnvRule rule,
      String where) {
    Step<O> e = entry.getValue();
    Step<O> a = other.steps.get(entry.getKey());
    String at = where + ", agent " + entry.getKey();
    if (!space.equalValues(e.observation(), a.observation())) {
      throw new EnvCheckException(
          rule,
          at
              + ": observation "
              + space.format(e.observation())
              + " vs "
              + space.format(a.observation()));
    }
    if (Double.compare(e.reward(), a.reward()) != 0
        || e.terminated() != a.terminated()
        || e.truncated() != a.truncated()) {
      throw new EnvCheckException(rule, at + ": " + e + " vs " + a);
    }
  }
}
