package dev.trimtab.agents.baselines;

/**
 * The HPA's replica calculation for a resource-utilisation metric, as {@code
 * ReplicaCalculator.GetResourceReplicas} does it: {@code desired = ceil(ready × utilisation /
 * target)}, no change inside the tolerance band, and pods that are not ready yet counted as using
 * nothing when the result would scale up (so that starting pods are not asked for twice).
 */
final class HpaReplicaCalculator {
  private HpaReplicaCalculator() {}

  /**
   * The unstabilised recommendation.
   *
   * @param current replicas asked for (ready or starting)
   * @param ready replicas that served in the metric window, at least 1
   * @param utilisation mean CPU used over CPU limit of the ready replicas
   */
  static int desired(int current, int ready, double utilisation, HpaConfig config) {
    double ratio = utilisation / config.targetCpuUtilisation();
    int unready = current - ready;
    if (unready <= 0 || ratio <= 1) {
      if (Math.abs(ratio - 1) <= config.tolerance()) {
        return current;
      }
      return (int) Math.ceil(ratio * ready);
    }
    double withUnready = utilisation * ready / (config.targetCpuUtilisation() * current);
    if (Math.abs(withUnready - 1) <= config.tolerance() || withUnready < 1) {
      return current;
    }
    int proposal = (int) Math.ceil(withUnready * current);
    return Math.max(proposal, current);
  }
}
