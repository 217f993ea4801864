package dev.trimtab.env.testkit;

import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Discrete;
import dev.trimtab.env.space.Space;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded two-agent env that keeps the {@link ParallelEnv} contract unless told to break one rule.
 * Agent "cache" terminates after 1 to 3 steps (drawn at reset), agent "web" is truncated after
 * exactly 4, so every episode lasts 4 steps and "cache" always leaves first. Each agent observes
 * {@code [t + u]} with seeded {@code u} in [0, 1); rewards are the actions; the state is {@code [t,
 * live agents]}.
 */
final class ToyParallelEnv implements ParallelEnv<String, double[], Integer> {

  /** One way to break the contract, with the rule the checker must name. */
  enum Defect {
    NONE(null),
    POSSIBLE_AGENTS_DUPLICATED(EnvRule.POSSIBLE_AGENTS),
    SPACE_NEW_EACH_CALL(EnvRule.SPACES_STABLE),
    OBSERVATION_OUTSIDE(EnvRule.OBSERVATION_IN_SPACE),
    STATE_OUTSIDE(EnvRule.STATE_IN_SPACE),
    RESET_WITHOUT_SEED_ALLOWED(EnvRule.UNSEEDED_RESET),
    DONE_AGENT_STAYS_LIVE(EnvRule.AGENT_SET),
    AGENT_LEAVES_WITHOUT_FLAG(EnvRule.AGENT_SET),
    DONE_AGENT_MISSING_FROM_RESULT(EnvRule.AGENT_KEYS),
    ACTS_AFTER_DONE(EnvRule.ACTIONS_VALIDATED),
    MISSING_ACTION_ALLOWED(EnvRule.ACTIONS_VALIDATED),
    STEP_AFTER_ALL_DONE_ALLOWED(EnvRule.STEP_AFTER_DONE),
    RESET_IGNORES_SEED(EnvRule.RESET_DETERMINISTIC);

    final EnvRule rule;

    Defect(EnvRule rule) {
      this.rule = rule;
    }
  }

  static final String CACHE = "cache";
  static final String WEB = "web";
  static final int EPISODE_STEPS = 4;

  private final Defect defect;
  private final List<String> possible;
  private final Box observationSpace = Box.of(1, 0, EPISODE_STEPS + 1);
  private final Discrete actionSpace = new Discrete(2);
  private final Box stateSpace = new Box(new double[] {0, 0}, new double[] {EPISODE_STEPS, 2});
  private final List<String> live = new ArrayList<>();
  private SplittableRandom random;
  private int cacheSteps;
  private int t;
  private int resets;

  ToyParallelEnv(Defect defect) {
    this.defect = defect;
    this.possible =
        defect == Defect.POSSIBLE_AGENTS_DUPLICATED
            ? List.of(CACHE, WEB, CACHE)
            : List.of(CACHE, WEB);
  }

  @Override
  public List<String> possibleAgents() {
    return possible;
  }

  @Override
  public List<String> agents() {
    return List.copyOf(live);
  }

  @Override
  public ParallelReset<String, double[]> reset(long seed) {
    random = new SplittableRandom(seed);
    return start();
  }

  @Override
  public ParallelReset<String, double[]> reset() {
    if (random == null) {
      if (defect != Defect.RESET_WITHOUT_SEED_ALLOWED) {
        throw new IllegalStateException("reset(seed) first");
      }
      random = new SplittableRandom(0);
    }
    return start();
  }

  private ParallelReset<String, double[]> start() {
    cacheSteps = 1 + (defect == Defect.RESET_IGNORES_SEED ? resets % 3 : random.nextInt(3));
    resets++;
    t = 0;
    live.clear();
    live.addAll(List.of(CACHE, WEB));
    Map<String, Reset<double[]>> out = new LinkedHashMap<>();
    for (String agent : live) {
      out.put(agent, Reset.of(observe()));
    }
    return new ParallelReset<>(out);
  }

  private double[] observe() {
    double u =
        defect == Defect.RESET_IGNORES_SEED ? Math.min(resets, 9) / 10.0 : random.nextDouble();
    return new double[] {defect == Defect.OBSERVATION_OUTSIDE && t == 2 ? -1 : t + u};
  }

  @Override
  public ParallelStep<String, double[]> step(Map<String, Integer> actions) {
    if (random == null || (live.isEmpty() && defect != Defect.STEP_AFTER_ALL_DONE_ALLOWED)) {
      throw new IllegalStateException("no agent is live; reset first");
    }
    validate(actions);
    t++;
    Map<String, Step<double[]>> out = new LinkedHashMap<>();
    List<String> leaving = new ArrayList<>();
    for (String agent : List.copyOf(live)) {
      boolean terminated = agent.equals(CACHE) && t >= cacheSteps;
      boolean truncated = agent.equals(WEB) && t >= EPISODE_STEPS;
      int action = actions.getOrDefault(agent, 0);
      out.put(agent, Step.of(observe(), action, terminated, truncated));
      if (terminated || truncated) {
        leaving.add(agent);
      }
    }
    if (defect == Defect.AGENT_LEAVES_WITHOUT_FLAG && t == 1) {
      leaving.add(WEB);
    }
    if (defect != Defect.DONE_AGENT_STAYS_LIVE) {
      live.removeAll(leaving);
    }
    if (defect == Defect.DONE_AGENT_MISSING_FROM_RESULT) {
      out.keySet().retainAll(live);
    }
    return new ParallelStep<>(out);
  }

  private void validate(Map<String, Integer> actions) {
    boolean exact = actions.keySet().equals(new HashSet<>(live));
    boolean covered = actions.keySet().containsAll(live);
    boolean liveOnly = live.containsAll(actions.keySet());
    boolean ok =
        switch (defect) {
          case ACTS_AFTER_DONE -> covered;
          case MISSING_ACTION_ALLOWED -> liveOnly;
          default -> exact;
        };
    if (!ok) {
      throw new IllegalArgumentException("actions for " + actions.keySet() + ", live " + live);
    }
    for (Integer action : actions.values()) {
      if (!actionSpace.contains(action)) {
        throw new IllegalArgumentException("action " + action + " is not in " + actionSpace);
      }
    }
  }

  @Override
  public Space<double[]> observationSpace(String agent) {
    return observationSpace;
  }

  @Override
  public Space<Integer> actionSpace(String agent) {
    return defect == Defect.SPACE_NEW_EACH_CALL ? new Discrete(2) : actionSpace;
  }

  @Override
  public double[] state() {
    if (random == null) {
      throw new IllegalStateException("reset first");
    }
    return new double[] {defect == Defect.STATE_OUTSIDE && t == 3 ? Double.NaN : t, live.size()};
  }

  @Override
  public Box stateSpace() {
    return stateSpace;
  }

  @Override
  public void close() {}
}
