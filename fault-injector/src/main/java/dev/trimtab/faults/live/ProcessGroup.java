package dev.trimtab.faults.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The no-limits mode's stand-in for a cgroup: it enforces nothing, measures its processes through
 * {@code /proc} (a process that has ended keeps counting the CPU it had used when last seen), and
 * freezes them with SIGSTOP and SIGCONT.
 */
final class ProcessGroup implements Cgroup {
  private final List<ProcessId> processes = new ArrayList<>();
  private final Map<ProcessId, Long> lastCpuNanos = new HashMap<>();

  @Override
  public List<Path> dirs() {
    return List.of();
  }

  @Override
  public boolean enforcing() {
    return false;
  }

  @Override
  public void setCpuLimit(double cores, long periodUs) {}

  @Override
  public void setMemoryLimit(long bytes) {}

  @Override
  public synchronized void add(long pid) {
    ProcessId.of(pid).ifPresent(processes::add);
  }

  @Override
  public synchronized List<Long> pids() {
    return processes.stream().filter(ProcessId::alive).map(ProcessId::pid).toList();
  }

  @Override
  public synchronized long cpuUsageNanos() {
    long total = 0;
    for (ProcessId p : processes) {
      long now = p.alive() ? p.cpuNanos() : -1;
      if (now >= 0) {
        lastCpuNanos.put(p, now);
      }
      total += lastCpuNanos.getOrDefault(p, 0L);
    }
    return total;
  }

  @Override
  public long throttledNanos() {
    return 0;
  }

  @Override
  public synchronized long memoryUsageBytes() {
    long total = 0;
    for (ProcessId p : processes) {
      if (p.alive()) {
        total += Math.max(0, p.residentBytes());
      }
    }
    return total;
  }

  @Override
  public synchronized void setFrozen(boolean frozen) {
    signalAll(pids(), frozen ? "STOP" : "CONT");
  }

  static void signalAll(List<Long> pids, String signal) {
    for (long pid : pids) {
      ProcessId.of(pid).ifPresent(p -> p.signal(signal));
    }
  }

  @Override
  public synchronized void remove() {
    for (ProcessId p : processes) {
      p.signal("CONT");
      p.kill(5000);
    }
    processes.clear();
  }
}
