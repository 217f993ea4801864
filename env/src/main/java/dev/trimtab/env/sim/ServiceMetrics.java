package dev.trimtab.env.sim;

/**
 * One service over one control interval.
 *
 * @param arrivals calls that reached the service
 * @param completed calls whose CPU burst finished
 * @param dropped calls rejected because every replica's queue was full
 * @param errors calls that failed for another reason (no ready replica, crash, timeout)
 * @param cpuCoreMs CPU time used, in core-milliseconds
 * @param cpuUtilisation CPU time used over CPU time allowed by the limits (0 to 1)
 * @param memoryUtilisation working set over memory limit (may exceed 1)
 * @param throttledMs time calls spent waiting for CPU beyond the limit (queueing delay), summed
 * @param p50Ms median response time of the service's calls completed in the interval, including the
 *     calls it made downstream (0 when none completed)
 * @param queueLength requests waiting at the end of the interval, over all replicas
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
    int queueLength) {}
