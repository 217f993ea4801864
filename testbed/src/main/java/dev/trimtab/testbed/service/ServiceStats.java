package dev.trimtab.testbed.service;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters since start, read by the testbed's calibration through {@code GET /trimtab/admin/stats}:
 * calls and the CPU their bursts used, per operation, and the process's whole CPU time, so that the
 * CPU a call costs beyond its burst (HTTP, JSON, tracing, the JVM) can be measured; and calls
 * arrived and ended by outcome, which the testbed's interval metrics count.
 */
public final class ServiceStats {
  private final Map<String, LongAdder> calls = new LinkedHashMap<>();
  private final Map<String, LongAdder> burstCpuNanos = new LinkedHashMap<>();
  private final LongAdder arrived = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder errored = new LongAdder();

  public ServiceStats(Iterable<String> operations) {
    for (String op : operations) {
      calls.put(op, new LongAdder());
      burstCpuNanos.put(op, new LongAdder());
    }
  }

  void arrived() {
    arrived.increment();
  }

  void burst(String operation, long cpuNanos) {
    calls.get(operation).increment();
    burstCpuNanos.get(operation).add(cpuNanos);
  }

  void ended(Outcome outcome) {
    switch (outcome) {
      case OK -> completed.increment();
      case DROPPED -> dropped.increment();
      case ERRORED -> errored.increment();
    }
  }

  /** A snapshot as plain maps and numbers (Jackson writes it as JSON). */
  public Map<String, Object> snapshot(int workers, int queued) {
    Map<String, Object> ops = new LinkedHashMap<>();
    calls.forEach(
        (op, n) ->
            ops.put(op, Map.of("calls", n.sum(), "burstCpuNanos", burstCpuNanos.get(op).sum())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("operations", ops);
    out.put("arrived", arrived.sum());
    out.put("completed", completed.sum());
    out.put("dropped", dropped.sum());
    out.put("errored", errored.sum());
    out.put("processCpuNanos", processCpuNanos());
    out.put("workers", workers);
    out.put("queued", queued);
    out.put("heapUsedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    return out;
  }

  /** CPU time of the whole process, all threads, in nanoseconds; -1 where unknown. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
