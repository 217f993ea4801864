package dev.trimtab.env.testkit;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Checks that an {@link Env} keeps its contract (Gymnasium's {@code check_env} with its seed test):
 *
 * <ol>
 *   <li>On a fresh env, {@code reset()} and {@code step} throw {@link IllegalStateException} before
 *       the first {@code reset(seed)}.
 *   <li>A rollout of {@code steps} steps from {@code reset(seed)}, actions drawn from the action
 *       space with a generator seeded from {@code seed}: every observation is inside the
 *       observation space, every reward finite, the spaces are the same objects throughout; every
 *       step in a running episode returns normally; before each step, an action outside the action
 *       space must be refused with {@link IllegalArgumentException}; whenever an episode ends, one
 *       more step must throw {@link IllegalStateException}, then {@code reset()} starts the next
 *       episode.
 *   <li>The same rollout, same actions, on a second fresh env and again on the first env after a
 *       new {@code reset(seed)}, must give equal observations, rewards and flags. These two
 *       rollouts make no refused-action probes, so the comparison also shows that a refused action
 *       left the env unchanged.
 * </ol>
 *
 * Both flags may be true on one step (Gymnasium allows it: the end state was reached as time ran
 * out); either one ends the episode.
 *
 * <p>Infos are not compared: they may carry diagnostics that legitimately differ. A different seed
 * is allowed to give the same or a different rollout. Every env the checker makes, it closes.
 */
public final class EnvChecker {
  private EnvChecker() {}

  /**
   * Runs the checks on envs from {@code factory}.
   *
   * @param factory makes a fresh env on each call; called three times
   * @param seed the seed of the rollouts and of the action draws
   * @param steps steps per rollout; at least 1. Choose enough for an episode to end so that the
   *     step-after-done rule is exercised; {@link CheckReport#episodesEnded()} tells whether it was
   * @return what the check covered
   * @throws EnvCheckException naming the first rule that failed
   */
  public static <O, A> CheckReport check(
      Supplier<? extends Env<O, A>> factory, long seed, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    try (Env<O, A> fresh = factory.get()) {
      checkOrder(fresh, new SplittableRandom(seed));
    }
    List<A> actions = new ArrayList<>();
    RandomGenerator actionRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
    try (Env<O, A> first = factory.get();
        Env<O, A> second = factory.get()) {
      Rollout<O, A> reference = new Rollout<>(first);
      List<Object> run1 = reference.run(seed, steps, actions, actionRandom, null, null);
      new Rollout<>(second).run(seed, steps, actions, null, run1, "two fresh envs");
      int episodesEnded = reference.episodesEnded;
      reference.run(seed, steps, actions, null, run1, "one env reset twice with the same seed");
      return new CheckReport(steps, episodesEnded);
    }
  }

  private static <O, A> void checkOrder(Env<O, A> env, RandomGenerator random) {
    Probes.expectThrows(
        EnvRule.UNSEEDED_RESET, IllegalStateException.class, "reset() on a fresh env", env::reset);
    A action = env.actionSpace().sample(random);
    Probes.expectThrows(
        EnvRule.STEP_BEFORE_RESET,
        IllegalStateException.class,
        "step on a fresh env",
        () -> env.step(action));
  }

  private static final class Rollout<O, A> {
    private final Env<O, A> env;
    private final Space<O> observationSpace;
    private final Space<A> actionSpace;
    private int episodesEnded;

    Rollout(Env<O, A> env) {
      this.env = env;
      this.observationSpace = env.observationSpace();
      this.actionSpace = env.actionSpace();
    }

    /**
     * Events in order: Reset or Step records. Samples and appends actions when {@code actionRandom}
     * is given; when {@code expected} is given, compares each event with it as soon as it happens,
     * so the first difference is the one reported.
     */
    List<Object> run(
        long seed,
        int steps,
        List<A> actions,
        RandomGenerator actionRandom,
        List<Object> expected,
        String how) {
      List<Object> events = new ArrayList<>();
      Consumer<Object> add =
          event -> {
            events.add(event);
            if (expected != null) {
              int i = events.size() - 1;
              compare(observationSpace, expected.get(i), event, how + " differ at event " + i);
            }
          };
      add.accept(checkReset(env.reset(seed), "reset(" + seed + ")"));
      episodesEnded = 0;
      for (int t = 0; t < steps; t++) {
        String where = "step " + t + " (episode " + episodesEnded + ")";
        if (actionRandom != null) {
          actions.add(actionSpace.sample(actionRandom));
          probeBadAction(where);
        }
        A action = actions.get(t);
        Step<O> step = Probes.acceptedStep(() -> env.step(action), where);
        checkSpaces(where);
        Probes.inSpace(EnvRule.OBSERVATION_IN_SPACE, observationSpace, step.observation(), where);
        Probes.finiteReward(step.reward(), where);
        add.accept(step);
        if (step.done()) {
          episodesEnded++;
          Probes.expectThrows(
              EnvRule.STEP_AFTER_DONE,
              IllegalStateException.class,
              where + " ended the episode (" + flags(step) + "), yet a further step",
              () -> env.step(action));
          add.accept(checkReset(env.reset(), "reset() after " + where));
        }
      }
      return events;
    }

    /**
     * Only the reference rollout probes, so comparing it with the others also checks that a refused
     * action left the env unchanged.
     */
    private void probeBadAction(String where) {
      @SuppressWarnings("unchecked")
      A bad = (A) Probes.outside(actionSpace);
      Probes.expectRefused(
          where
              + ": a step with action "
              + Probes.render(actionSpace, bad)
              + ", outside "
              + actionSpace,
          () -> env.step(bad));
    }

    private Reset<O> checkReset(Reset<O> reset, String where) {
      checkSpaces(where);
      Probes.inSpace(EnvRule.OBSERVATION_IN_SPACE, observationSpace, reset.observation(), where);
      return reset;
    }

    private void checkSpaces(String where) {
      Probes.sameObject(observationSpace, env.observationSpace(), "observationSpace() at " + where);
      Probes.sameObject(actionSpace, env.actionSpace(), "actionSpace() at " + where);
    }
  }

  private static String flags(Step<?> step) {
    return "terminated=" + step.terminated() + ", truncated=" + step.truncated();
  }

  /**
   * Compares one event of a replay with the reference. The replay used the same actions and so far
   * gave the same flags, so both events are resets or both are steps.
   */
  @SuppressWarnings("unchecked")
  private static <O> void compare(Space<O> space, Object expected, Object actual, String where) {
    if (expected instanceof Reset<?> r) {
      O eo = (O) r.observation();
      O ao = (O) ((Reset<?>) actual).observation();
      if (!space.equalValues(eo, ao)) {
        throw new EnvCheckException(
            EnvRule.RESET_DETERMINISTIC, where + " (a reset): " + show(space, eo, ao));
      }
    } else {
      compareSteps(space, (Step<O>) expected, (Step<O>) actual, where + " (a step)");
    }
  }

  private static <O> void compareSteps(Space<O> space, Step<O> e, Step<O> a, String where) {
    if (!space.equalValues(e.observation(), a.observation())) {
      throw new EnvCheckException(
          EnvRule.STEP_DETERMINISTIC, where + ": " + show(space, e.observation(), a.observation()));
    }
    if (Double.compare(e.reward(), a.reward()) != 0
        || e.terminated() != a.terminated()
        || e.truncated() != a.truncated()) {
      throw new EnvCheckException(
          EnvRule.STEP_DETERMINISTIC,
          where
              + ": reward "
              + e.reward()
              + " vs "
              + a.reward()
              + ", "
              + flags(e)
              + " vs "
              + flags(a));
    }
  }

  private static <O> String show(Space<O> space, O expected, O actual) {
    return "observation " + space.format(expected) + " vs " + space.format(actual);
  }
}
