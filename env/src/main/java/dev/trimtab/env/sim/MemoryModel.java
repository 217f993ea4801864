package dev.trimtab.env.sim;

/**
 * What a memory limit below the working set does to a replica.
 *
 * <p>With {@code r = limit / workingSet}: at {@code r >= 1} nothing; for {@link #OOM_RATIO} {@code
 * <= r < 1} every CPU burst takes {@code 1 + 8 (1 - r)^2} times longer (page reclaim and garbage
 * collection pressure grow faster than the shortfall: 1.08x at 90%, 1.5x at 75%, 3x at 50%); below
 * {@link #OOM_RATIO} the kernel's OOM killer ends the replica, which restarts after its start-up
 * delay and is killed again while the limit stays that low (a crash loop).
 */
final class MemoryModel {
  /** Below this fraction of the working set a replica is OOM-killed. */
  static final double OOM_RATIO = 0.5;

  private static final double PRESSURE_COEFFICIENT = 8;

  private MemoryModel() {}

  static boolean oomKilled(double limitMiB, double workingSetMiB) {
    return limitMiB < OOM_RATIO * workingSetMiB;
  }

  static double slowdown(double limitMiB, double workingSetMiB) {
    double r = limitMiB / workingSetMiB;
    if (r >= 1) {
      return 1;
    }
    double shortfall = 1 - Math.max(r, OOM_RATIO);
    return 1 + PRESSURE_COEFFICIENT * shortfall * shortfall;
  }
}
