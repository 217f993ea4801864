package dev.trimtab.env.cluster;

/**
 * One agent's decision for its service in one control interval, before bounds are applied.
 *
 * @param replicaDelta replicas to add (negative: remove)
 * @param cpuFactor multiply the CPU limit by this (1 = keep)
 * @param memoryFactor multiply the memory limit by this (1 = keep)
 * @param gpuLevelDelta move the GPU frequency this many levels (ignored on CPU services)
 */
public record ServiceAction(
    int replicaDelta, double cpuFactor, double memoryFactor, int gpuLevelDelta) {

  /** Change nothing. */
  public static final ServiceAction KEEP = new ServiceAction(0, 1, 1, 0);

  public ServiceAction {
    if (!(cpuFactor > 0) || !(memoryFactor > 0)) {
      throw new IllegalArgumentException("factors must be > 0");
    }
  }

  /**
   * The discrete variant: each of the four components is 0 (decrease), 1 (keep) or 2 (increase); a
   * CPU or memory step is the bounds' step fraction.
   */
  public static ServiceAction fromDiscrete(int[] choice, Bounds bounds) {
    requireLength(choice.length);
    for (int c : choice) {
      if (c < 0 || c > 2) {
        throw new IllegalArgumentException("discrete action components are 0, 1 or 2, got " + c);
      }
    }
    return new ServiceAction(
        choice[0] - 1,
        1 + (choice[1] - 1) * bounds.cpuStepFraction(),
        1 + (choice[2] - 1) * bounds.memoryStepFraction(),
        choice[3] - 1);
  }

  /**
   * The continuous variant: four numbers in [-1, 1]. Replicas move by {@code round(2a)}; CPU and
   * memory are multiplied by {@code (1 + step)^a}, so ±1 is one step up or down on a log scale; the
   * GPU level moves by {@code round(a)}. Values outside [-1, 1] are clipped.
   */
  public static ServiceAction fromContinuous(double[] a, Bounds bounds) {
    requireLength(a.length);
    return new ServiceAction(
        (int) Math.round(2 * clip(a[0])),
        Math.pow(1 + bounds.cpuStepFraction(), clip(a[1])),
        Math.pow(1 + bounds.memoryStepFraction(), clip(a[2])),
        (int) Math.round(clip(a[3])));
  }

  /** Components per agent in both variants. */
  public static final int SIZE = 4;

  private static void requireLength(int n) {
    if (n != SIZE) {
      throw new IllegalArgumentException("an action has " + SIZE + " components, got " + n);
    }
  }

  private static double clip(double v) {
    return Double.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
  }
}
