package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Discrete;
import dev.trimtab.env.space.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A toy parallel env with agents "short" and "long": "short" terminates on the 2nd step of an
 * episode, "long" on the 4th. Agent "short" observes {@code [t]} and "long" {@code [10 t]}, where
 * {@code t} counts the episode's steps; each reward is the agent's action (0 or 1). The state is
 * {@code [t, live agents]}. There is nothing random, so every seed gives the same episode.
 */
final class TwoAgentEnv implements ParallelEnv<String, double[], Integer> {
  static final String SHORT = "short";
  static final String LONG = "long";
  private static final List<String> POSSIBLE = List.of(SHORT, LONG);

  private final Box shortSpace = Box.of(1, 0, 4);
  private final Box longSpace = Box.of(1, 0, 40);
  private final Discrete actionSpace = new Discrete(2);
  private final Box stateSpace = new Box(new double[] {0, 0}, new double[] {4, 2});
  private final List<String> live = new ArrayList<>();
  private boolean seeded;
  private int t;

  @Override
  public List<String> possibleAgents() {
    return POSSIBLE;
  }

  @Override
  public List<String> agents() {
    return List.copyOf(live);
  }

  @Override
  public ParallelReset<String, double[]> reset(long seed) {
    seeded = true;
    return reset();
  }

  @Override
  public ParallelReset<String, double[]> reset() {
    if (!seeded) {
      throw new IllegalStateException("reset(seed) first");
    }
    t = 0;
    live.clear();
    live.addAll(POSSIBLE);
    Map<String, Reset<double[]>> out = new LinkedHashMap<>();
    out.put(SHORT, Reset.of(observe(SHORT)));
    out.put(LONG, Reset.of(observe(LONG)));
    return new ParallelReset<>(out);
  }

  private double[] observe(String agent) {
    return new double[] {agent.equals(SHORT) ? t : 10 * t};
  }

  @Override
  public ParallelStep<String, double[]> step(Map<String, Integer> actions) {
    if (live.isEmpty()) {
      throw new IllegalStateException("no agent is live");
    }
    if (!actions.keySet().equals(new java.util.HashSet<>(live))) {
      throw new IllegalArgumentException("actions for " + actions.keySet() + ", live " + live);
    }
    for (Integer action : actions.values()) {
      if (!actionSpace.contains(action)) {
        throw new IllegalArgumentException("action " + action);
      }
    }
    t++;
    Map<String, Step<double[]>> out = new LinkedHashMap<>();
    for (String agent : List.copyOf(live)) {
      boolean done = agent.equals(SHORT) ? t >= 2 : t >= 4;
      out.put(agent, Step.of(observe(agent), actions.get(agent), done, false));
      if (done) {
        live.remove(agent);
      }
    }
    return new ParallelStep<>(out);
  }

  @Override
  public Space<double[]> observationSpace(String agent) {
    return agent.equals(SHORT) ? shortSpace : longSpace;
  }

  @Override
  public Space<Integer> actionSpace(String agent) {
    return actionSpace;
  }

  @Override
  public double[] state() {
    if (!seeded) {
      throw new IllegalStateException("reset first");
    }
    return new double[] {t, live.size()};
  }

  @Override
  public Box stateSpace() {
    return stateSpace;
  }

  @Override
  public void close() {}
}
