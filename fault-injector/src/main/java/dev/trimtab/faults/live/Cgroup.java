package dev.trimtab.faults.live;

import java.nio.file.Path;
import java.util.List;

/**
 * One control group a testbed replica runs in: its CPU quota and memory limit, what it used, and
 * its processes. {@link CgroupDriver} makes them; every method that writes throws {@link
 * CgroupException} naming the file.
 */
public interface Cgroup {

  /** The group's folders, one per controller hierarchy (cgroup v1) or one (v2). */
  List<Path> dirs();

  /** Whether limits set here are enforced (false in the no-limits mode). */
  boolean enforcing();

  /**
   * Sets the CFS quota to {@code cores} per period of wall time: {@code periodUs}, or longer where
   * the quota would fall below the kernel's 1 ms minimum ({@link #periodFor}).
   */
  void setCpuLimit(double cores, long periodUs);

  /** The kernel's smallest CFS quota, microseconds. */
  long MIN_QUOTA_US = 1000;

  /**
   * The period for {@code cores}: {@code periodUs}, lengthened (up to the kernel's 1 s) so that the
   * quota is at least 1 ms; 0.05 cores with a 10 ms period get a 20 ms one, not 0.1 cores.
   */
  static long periodFor(double cores, long periodUs) {
    if (cores * periodUs >= MIN_QUOTA_US) {
      return periodUs;
    }
    return Math.min(1_000_000, (long) Math.ceil(MIN_QUOTA_US / cores));
  }

  /**
   * Sets the memory limit. On cgroup v1 the kernel refuses a limit below what the group uses and
   * cannot reclaim; then this throws {@link CgroupException#busy()}.
   */
  void setMemoryLimit(long bytes);

  /** Moves process {@code pid} (all its threads) into the group. */
  void add(long pid);

  /** Processes in the group. */
  List<Long> pids();

  /** CPU time used by the group's processes since the group was made, in nanoseconds. */
  long cpuUsageNanos();

  /** Time the group was throttled by its quota, in nanoseconds (0 where unknown). */
  long throttledNanos();

  /** Memory charged to the group (anonymous and page cache), in bytes. */
  long memoryUsageBytes();

  /** Freezes (stops scheduling) or thaws every process of the group. */
  void setFrozen(boolean frozen);

  /** Kills every process left in the group and removes its folders; idempotent. */
  void remove();
}
