package dev.trimtab.env.testkit;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Discrete;
import dev.trimtab.env.space.Space;
import java.util.SplittableRandom;

/**
 * A seeded counter that keeps the {@link Env} contract unless told to break one rule. The count
 * starts at 0, 1 or 2 (seeded) and action 1 adds one; the episode terminates at 4 and is truncated
 * by the env itself after 6 steps, so both flags come up (together when the goal is reached on the
 * 6th step). The reward is the action minus seeded noise in [0, 0.1).
 */
final class ToyEnv implements Env<double[], Integer> {

  /** One way to break the contract, with the rule the checker must name. */
  enum Defect {
    NONE(null),
    SPACE_NEW_EACH_CALL(EnvRule.SPACES_STABLE),
    OBSERVATION_OUTSIDE(EnvRule.OBSERVATION_IN_SPACE),
    REWARD_NAN(EnvRule.REWARD_FINITE),
    RESET_WITHOUT_SEED_ALLOWED(EnvRule.UNSEEDED_RESET),
    STEP_BEFORE_RESET_ALLOWED(EnvRule.STEP_BEFORE_RESET),
    STEP_AFTER_DONE_ALLOWED(EnvRule.STEP_AFTER_DONE),
    ENDS_WITHOUT_FLAG(EnvRule.EPISODE_ENDS_BY_FLAGS),
    RESET_IGNORES_SEED(EnvRule.RESET_DETERMINISTIC),
    NOISE_NOT_RESEEDED(EnvRule.STEP_DETERMINISTIC),
    ACTION_NOT_VALIDATED(EnvRule.ACTIONS_VALIDATED),
    REFUSED_ACTION_CHANGES_STATE(EnvRule.STEP_DETERMINISTIC);

    final EnvRule rule;

    Defect(EnvRule rule) {
      this.rule = rule;
    }
  }

  static final int GOAL = 4;
  static final int MAX_STEPS = 6;

  private final Defect defect;
  private final Box observationSpace = Box.of(1, 0, GOAL);
  private final Discrete actionSpace = new Discrete(2);
  private final SplittableRandom unseeded = new SplittableRandom(99);
  private SplittableRandom random;
  private int count;
  private int steps;
  private int resets;
  private boolean running;

  ToyEnv(Defect defect) {
    this.defect = defect;
    this.running = defect == Defect.STEP_BEFORE_RESET_ALLOWED;
  }

  @Override
  public Reset<double[]> reset(long seed) {
    random = new SplittableRandom(seed);
    return start();
  }

  @Override
  public Reset<double[]> reset() {
    if (random == null) {
      if (defect != Defect.RESET_WITHOUT_SEED_ALLOWED) {
        throw new IllegalStateException("reset(seed) first");
      }
      random = new SplittableRandom(0);
    }
    return start();
  }

  private Reset<double[]> start() {
    count = defect == Defect.RESET_IGNORES_SEED ? Math.min(2, resets) : random.nextInt(3);
    resets++;
    steps = 0;
    running = true;
    return Reset.of(new double[] {count});
  }

  @Override
  public Step<double[]> step(Integer action) {
    if (!running) {
      throw new IllegalStateException("no running episode; reset first");
    }
    SplittableRandom source =
        random == null || defect == Defect.NOISE_NOT_RESEEDED ? unseeded : random;
    if (defect == Defect.REFUSED_ACTION_CHANGES_STATE) {
      source.nextDouble();
    }
    if (!actionSpace.contains(action) && defect != Defect.ACTION_NOT_VALIDATED) {
      throw new IllegalArgumentException("action " + action + " is not in " + actionSpace);
    }
    double noise = source.nextDouble(0.1);
    count = Math.min(GOAL, count + action);
    steps++;
    boolean terminated = count >= GOAL;
    boolean truncated = steps >= MAX_STEPS;
    running = defect == Defect.STEP_AFTER_DONE_ALLOWED || !(terminated || truncated);
    if (defect == Defect.ENDS_WITHOUT_FLAG && steps == 2) {
      running = false;
    }
    double reward = defect == Defect.REWARD_NAN && steps == 3 ? Double.NaN : action - noise;
    double shown = defect == Defect.OBSERVATION_OUTSIDE && steps == 3 ? GOAL + 1 : count;
    return Step.of(new double[] {shown}, reward, terminated, truncated);
  }

  @Override
  public Space<double[]> observationSpace() {
    return defect == Defect.SPACE_NEW_EACH_CALL ? Box.of(1, 0, GOAL) : observationSpace;
  }

  @Override
  public Space<Integer> actionSpace() {
    return actionSpace;
  }

  @Override
  public void close() {}
}
