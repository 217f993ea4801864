package dev.trimtab.env.testkit;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Discrete;
import dev.trimtab.env.space.Space;
import java.util.SplittableRandom;

/** The example env of docs/env-api.md, kept here so that the page's code compiles and runs. */
final class ReplicaEnv implements Env<double[], Integer> {
  private final Box observationSpace = new Box(new double[] {1, 0}, new double[] {10, 8});
  private final Discrete actionSpace = new Discrete(3, -1); // remove one, keep, add one
  private SplittableRandom random;
  private int replicas;
  private double loadCores;
  private boolean running;

  @Override
  public Reset<double[]> reset(long seed) {
    random = new SplittableRandom(seed);
    return reset();
  }

  @Override
  public Reset<double[]> reset() {
    if (random == null) {
      throw new IllegalStateException("the first reset must name its seed");
    }
    replicas = 2;
    loadCores = random.nextDouble(0, 4);
    running = true;
    return Reset.of(observe());
  }

  @Override
  public Step<double[]> step(Integer action) {
    if (!running) {
      throw new IllegalStateException("episode over; reset first");
    }
    if (!actionSpace.contains(action)) {
      throw new IllegalArgumentException("action " + action + " not in " + actionSpace);
    }
    replicas = Math.max(1, Math.min(10, replicas + action));
    loadCores = Math.max(0, Math.min(8, loadCores + random.nextDouble(-0.5, 0.5)));
    double utilisation = loadCores / replicas;
    boolean overloaded = utilisation > 2; // the service falls over: a true end state
    running = !overloaded;
    return Step.of(observe(), -Math.abs(utilisation - 0.7), overloaded, false);
  }

  private double[] observe() {
    return new double[] {replicas, loadCores};
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
  public void close() {}
}
