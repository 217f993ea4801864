package dev.trimtab.faults.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process as the testbed knows it: its pid and when it started, so that a pid reused by another
 * process after ours died is never signalled (the check the kernel's pidfds make; Java 17 has none,
 * so the start instant stands in for one).
 *
 * @param startEpochMs the start time {@link ProcessHandle.Info#startInstant()} reported, epoch ms
 */
public record ProcessId(long pid, long startEpochMs) {

  /** The identity of a running process, or empty when there is no such process. */
  public static Optional<ProcessId> of(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().startInstant())
        .map(start -> new ProcessId(pid, start.toEpochMilli()));
  }

  /** The handle of this very process, if it still runs (same pid, same start). */
  public Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info()
                    .startInstant()
                    .map(Instant::toEpochMilli)
                    .map(ms -> Math.abs(ms - startEpochMs) <= 20)
                    .orElse(false));
  }

  public boolean alive() {
    return handle().isPresent();
  }

  /**
   * SIGKILL, then waits up to {@code waitMs} for it to go.
   *
   * @return whether it was running (and so was killed)
   */
  public boolean kill(long waitMs) {
    Optional<ProcessHandle> h = handle();
    if (h.isEmpty()) {
      return false;
    }
    h.get().destroyForcibly();
    try {
      h.get().onExit().get(waitMs, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // still dying: the caller checks alive() if it must know
    }
    return true;
  }

  /** Sends {@code signal} (e.g. {@code STOP}, {@code CONT}) with {@code kill(1)}. */
  public boolean signal(String signal) {
    if (!alive()) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * CPU time (user + system) from {@code /proc/PID/stat}, in nanoseconds, or -1 when unreadable.
   * Resolution is the kernel's clock tick, 10 ms.
   */
  public long cpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Resident memory from {@code /proc/PID/statm}, in bytes, or -1 when unreadable. */
  public long residentBytes() {
    try {
      String[] f =
          Files.readString(Path.of("/proc", Long.toString(pid), "statm")).strip().split(" ");
      return Long.parseLong(f[1]) * 4096;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
