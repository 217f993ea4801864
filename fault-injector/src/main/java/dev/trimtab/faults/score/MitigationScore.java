package dev.trimtab.faults.score;

/**
 * What the controller's run cost, in SLOs and in resources.
 *
 * @param sloViolationS simulated seconds of intervals in which any endpoint missed its SLO
 * @param timeToMitigateS from the first fault's start until the SLOs hold for the rest of the run:
 *     the end of the last violating interval ending after the start, minus the start (0 if none
 *     violated); NaN if the run's last interval still violated (not mitigated)
 * @param cpuCoreS CPU allocated (limit times time, over ready replicas), core-seconds
 * @param memoryMiBS memory limit held by ready replicas, MiB-seconds
 * @param energyJ energy of all replicas, joules
 * @param carbonG carbon emitted, grams
 * @param p99Ms end-to-end p99 latency over the whole run
 */
public record MitigationScore(
    double sloViolationS,
    double timeToMitigateS,
    double cpuCoreS,
    double memoryMiBS,
    double energyJ,
    double carbonG,
    double p99Ms) {

  /** Whether the SLOs held again before the run ended. */
  public boolean mitigated() {
    return !Double.isNaN(timeToMitigateS);
  }
}
