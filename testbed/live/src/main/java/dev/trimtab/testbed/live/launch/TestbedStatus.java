package dev.trimtab.testbed.live.launch;

import dev.trimtab.faults.live.ChaosMonkeyClient;
import dev.trimtab.faults.live.ProcessId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code testbed status} shows: each recorded replica, whether its process runs (same pid,
 * same start), whether it answers, whether Chaos Monkey is on, and the limits its cgroup holds.
 */
public final class TestbedStatus {
  private TestbedStatus() {}

  /**
   * One replica.
   *
   * @param cpuLimitCores the quota its cgroup enforces, or NaN without one
   * @param memoryLimitMiB the limit its cgroup enforces, or NaN without one
   * @param chaosMonkey {@code on}, {@code off} or {@code ?} when it does not answer
   */
  public record Row(
      String service,
      int replica,
      int port,
      long pid,
      boolean running,
      boolean healthy,
      String chaosMonkey,
      double cpuLimitCores,
      double memoryLimitMiB) {}

  /** The state and its rows, or empty when nothing is recorded in {@code stateDir}. */
  public static Optional<List<Row>> read(Path stateDir) {
    Optional<TestbedState> state = TestbedState.read(stateDir);
    if (state.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = new ArrayList<>();
    for (TestbedState.ReplicaRecord r : state.get().replicas()) {
      boolean running = new ProcessId(r.pid(), r.startEpochMs()).alive();
      URI base = URI.create("http://127.0.0.1:" + r.port());
      boolean healthy = running && AdminClient.healthy(base, Duration.ofSeconds(1));
      String cm = "?";
      if (healthy) {
        try {
          cm = new ChaosMonkeyClient(base, Duration.ofSeconds(1)).enabled() ? "on" : "off";
        } catch (RuntimeException e) {
          cm = "?";
        }
      }
      rows.add(
          new Row(
              r.service(),
              r.replica(),
              r.port(),
              r.pid(),
              running,
              healthy,
              cm,
              cpuLimit(r.cgroupDirs()),
              memoryLimit(r.cgroupDirs())));
    }
    return Optional.of(rows);
  }

  private static double cpuLimit(List<String> dirs) {
    for (String d : dirs) {
      Path dir = Path.of(d);
      try {
        if (Files.exists(dir.resolve("cpu.cfs_quota_us"))) {
          long quota = Long.parseLong(Files.readString(dir.resolve("cpu.cfs_quota_us")).strip());
          long period = Long.parseLong(Files.readString(dir.resolve("cpu.cfs_period_us")).strip());
          return quota < 0 ? Double.POSITIVE_INFINITY : (double) quota / period;
        }
        if (Files.exists(dir.resolve("cpu.max"))) {
          String[] f = Files.readString(dir.resolve("cpu.max")).strip().split(" ");
          return f[0].equals("max")
              ? Double.POSITIVE_INFINITY
              : Double.parseDouble(f[0]) / Double.parseDouble(f[1]);
        }
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static double memoryLimit(List<String> dirs) {
    for (String d : dirs) {
      Path dir = Path.of(d);
      try {
        for (String f : List.of("memory.limit_in_bytes", "memory.max")) {
          if (Files.exists(dir.resolve(f))) {
            String v = Files.readString(dir.resolve(f)).strip();
            return v.equals("max") ? Double.POSITIVE_INFINITY : Long.parseLong(v) / 1048576.0;
          }
        }
      } catch (IOException | RuntimeException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
