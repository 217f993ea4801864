package dev.trimtab.testbed.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Real CPU work: integer mixing on the calling thread until the thread's own CPU time has advanced
 * by the asked amount. Measuring thread CPU time, not wall time, makes the work exactly the demand
 * in core-milliseconds that the topology gives, whatever the CPU limit: under a CFS quota of half a
 * core a 2 core-ms burst takes about 4 ms of wall time, as in the simulator.
 */
public final class CpuBurner {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Mixing rounds between two reads of the thread's CPU clock (a few microseconds of work). */
  private static final int ROUNDS = 1024;

  private static volatile long sink;

  private CpuBurner() {}

  /** Whether this JVM can measure thread CPU time (every HotSpot JVM on Linux can). */
  public static boolean supported() {
    return THREADS.isCurrentThreadCpuTimeSupported();
  }

  /**
   * Burns {@code cpuNanos} of this thread's CPU time.
   *
   * @return the CPU time actually used, in nanoseconds (a few microseconds above the asked amount)
   */
  public static long burn(long cpuNanos) {
    long start = THREADS.getCurrentThreadCpuTime();
    long target = start + cpuNanos;
    long x = start | 1;
    long now = start;
    while (now < target) {
      for (int i = 0; i < ROUNDS; i++) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
      }
      now = THREADS.getCurrentThreadCpuTime();
    }
    sink += x;
    return now - start;
  }

  /** CPU time of the calling thread, in nanoseconds. */
  public static long threadCpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }
}
