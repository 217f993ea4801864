package dev.trimtab.env.sim;

/**
 * One service over one control interval.
 *
 * @param arrivals calls that reached the service
 * @param completed calls whose work finished
 * @param dropped calls rejected because every replica's queue was full
 * @param errors calls that failed for another reason (no ready replica, crash, timeout)
 * @param cpuCoreMs CPU time used, in core-milliseconds (0 for a GPU service: its work is on GPUs)
 * @param cpuUtilisation CPU time used over CPU time allowed by the limits (0 to 1)
 * @param memoryUtilisation working set over memory limit (may exceed 1)
 * @param throttledMs time calls spent waiting for CPU or GPU beyond the limit (queueing delay),
 *     summed; under processor sharing, the time each call took beyond what it would alone
 * @param p50Ms median response time of the service's calls completed in the interval, including the
 *     calls it made downstream (0 when none completed)
 * @param queueLength requests waiting at the end of the interval, over all replicas; under
 *     processor sharing, the calls beyond one per whole core of the limit
 * @param gpuUtilisation GPU busy time over GPU time held by ready replicas (0 to 1; 0 without GPUs)
 * @param gpuFrequencyMHz the SM clock the GPUs run at at the end of the interval, throttling
 *     included (0 without GPUs)
 * @param powerW average power over the interval: CPU (idle share of the allocated cores plus
 *     dynamic power of the used ones) plus GPUs (busy at the DVFS model's power, idle at idle
 *     power)
 * @param energyJ energy used in the interval, {@code powerW} times its length
 * @param carbonG carbon emitted in the interval: energy times the grid intensity over it
 * @param memoryMiBSeconds memory limit held by ready replicas, integrated over the interval
 */
public record ServiceMetrics(
    String service,
    int replicas,
    int readyReplicas,
    double cpuLimitCores,
    double memoryLimitMiB,
    long arrivals,
    long completed,
    long dropped,
    long errors,
    double cpuCoreMs,
    double cpuUtilisation,
    double memoryUtilisation,
    double throttledMs,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    int queueLength,
    double gpuUtilisation,
    double gpuFrequencyMHz,
    double powerW,
    double energyJ,
    double carbonG,
    double memoryMiBSeconds) {

  /** A CPU service's metrics without power figures (all 0): for hand-built metrics in tests. */
  public ServiceMetrics(
      String service,
      int replicas,
      int readyReplicas,
      double cpuLimitCores,
      double memoryLimitMiB,
      long arrivals,
      long completed,
      long dropped,
      long errors,
      double cpuCoreMs,
      double cpuUtilisation,
      double memoryUtilisation,
      double throttledMs,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      int queueLength) {
    this(
        service,
        replicas,
        readyReplicas,
        cpuLimitCores,
        memoryLimitMiB,
        arrivals,
        completed,
        dropped,
        errors,
        cpuCoreMs,
        cpuUtilisation,
        memoryUtilisation,
        throttledMs,
        p50Ms,
        p95Ms,
        p99Ms,
        queueLength,
        0,
        0,
        0,
        0,
        0,
        0);
  }
}
