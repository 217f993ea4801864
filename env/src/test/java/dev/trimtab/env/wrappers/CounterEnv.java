package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Discrete;
import dev.trimtab.env.space.Space;
import java.util.SplittableRandom;

/**
 * A toy env whose episodes can be worked out by hand: the observation is {@code [count]}; action 1
 * adds one to the count and earns 1, action 0 leaves it and earns -0.5; the episode terminates when
 * the count reaches {@code goal}. Each episode starts at a count drawn uniformly from {@code 0 ..
 * maxStart} by the seeded generator, which {@code reset()} continues.
 */
final class CounterEnv implements Env<double[], Integer> {
  private final int goal;
  private final int maxStart;
  private final Box observationSpace;
  private final Discrete actionSpace = new Discrete(2);
  private SplittableRandom random;
  private int count;
  private boolean running;
  int closed;

  CounterEnv(int goal, int maxStart) {
    this.goal = goal;
    this.maxStart = maxStart;
    this.observationSpace = Box.of(1, 0, goal);
  }

  @Override
  public Reset<double[]> reset(long seed) {
    random = new SplittableRandom(seed);
    return start();
  }

  @Override
  public Reset<double[]> reset() {
    if (random == null) {
      throw new IllegalStateException("reset(seed) first");
    }
    return start();
  }

  private Reset<double[]> start() {
    count = random.nextInt(maxStart + 1);
    running = true;
    return Reset.of(new double[] {count});
  }

  @Override
  public Step<double[]> step(Integer action) {
    if (!running) {
      throw new IllegalStateException("no running episode");
    }
    if (!actionSpace.contains(action)) {
      throw new IllegalArgumentException("action " + action);
    }
    count += action;
    boolean terminated = count >= goal;
    running = !terminated;
    return Step.of(new double[] {count}, action == 1 ? 1.0 : -0.5, terminated, false);
  }

  @Override
  public Space<double[]> observationSpace() {
    return observationSpace;
  }

  @Override
  public Space<Integer> actionSpace() {
    return actionSpace;
  }

  @Override
  public void close() {
    closed++;
  }
}
