package dev.trimtab.env.sim;

/**
 * A whole run so far, as written to {@code summary.json}.
 *
 * @param requests client requests that arrived
 * @param completed requests answered successfully
 * @param dropped requests that failed because a queue was full on their path
 * @param errors requests that failed for another reason
 * @param inFlight requests still open at the end
 * @param sloViolationSeconds simulated seconds of control intervals in which any endpoint missed
 *     its SLO
 * @param p50Ms median end-to-end latency of completed requests
 * @param p99Ms 99th percentile end-to-end latency of completed requests
 * @param meanMs mean end-to-end latency of completed requests
 * @param cpuCoreSeconds CPU time used by all replicas
 * @param cpuAllocatedCoreSeconds CPU limit times time, summed over ready replicas
 * @param simulatedSeconds simulated time covered
 * @param events simulator events processed
 * @param energyJ energy of all replicas (CPU and GPU) over the run
 * @param carbonG carbon emitted over the run: energy times the grid intensity
 * @param memoryMiBSeconds memory limit held by ready replicas, integrated over the run
 * @param gpuDeviceSeconds GPU time held by ready replicas (busy or idle), summed over devices
 */
public record RunSummary(
    long requests,
    long completed,
    long dropped,
    long errors,
    long inFlight,
    double sloViolationSeconds,
    double p50Ms,
    double p99Ms,
    double meanMs,
    double cpuCoreSeconds,
    double cpuAllocatedCoreSeconds,
    double simulatedSeconds,
    long events,
    double energyJ,
    double carbonG,
    double memoryMiBSeconds,
    double gpuDeviceSeconds) {

  /** Without energy, carbon, memory and GPU figures (all 0): for hand-built summaries in tests. */
  public RunSummary(
      long requests,
      long completed,
      long dropped,
      long errors,
      long inFlight,
      double sloViolationSeconds,
      double p50Ms,
      double p99Ms,
      double meanMs,
      double cpuCoreSeconds,
      double cpuAllocatedCoreSeconds,
      double simulatedSeconds,
      long events) {
    this(
        requests,
        completed,
        dropped,
        errors,
        inFlight,
        sloViolationSeconds,
        p50Ms,
        p99Ms,
        meanMs,
        cpuCoreSeconds,
        cpuAllocatedCoreSeconds,
        simulatedSeconds,
        events,
        0,
        0,
        0,
        0);
  }
}
