package dev.trimtab.testbed.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.faults.live.Cgroup;
import dev.trimtab.faults.live.ProcessId;
import java.net.URI;
import java.nio.file.Path;

/**
 * One replica of a service: a port, a cgroup and a log that outlive its processes (a crashed
 * replica restarts into the same group on the same port), and counters that add up across those
 * processes.
 */
final class Replica {
  enum Status {
    STARTING,
    READY,
    STOPPING,
    GONE
  }

  final String service;
  final int index;
  final int port;
  final URI base;
  final Cgroup cgroup;
  final Path log;
  final Path dataDir;
  volatile Process process;
  volatile ProcessId id;
  volatile Status status = Status.STARTING;
  volatile long startedNanos;
  volatile int starts;

  /** Deaths before becoming ready in a row, and when the next start may happen (backoff). */
  int failedStarts;

  long notBeforeNanos;

  /** Counters of earlier processes of this replica, and the latest reading of the current one. */
  private final long[] history = new long[4];

  private final long[] last = new long[4];
  private long lastQueued;

  Replica(String service, int index, int port, Cgroup cgroup, Path log, Path dataDir) {
    this.service = service;
    this.index = index;
    this.port = port;
    this.base = URI.create("http://127.0.0.1:" + port);
    this.cgroup = cgroup;
    this.log = log;
    this.dataDir = dataDir;
  }

  String name() {
    return service + "-" + index;
  }

  boolean processAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** A new process started: what the old one counted becomes history. */
  synchronized void restarted() {
    for (int i = 0; i < last.length; i++) {
      history[i] += last[i];
      last[i] = 0;
    }
    lastQueued = 0;
  }

  /** Records a {@code /trimtab/admin/stats} reading of the current process. */
  synchronized void stats(JsonNode s) {
    long[] now = {
      s.path("arrived").asLong(), s.path("completed").asLong(),
      s.path("dropped").asLong(), s.path("errored").asLong()
    };
    for (int i = 0; i < now.length; i++) {
      if (now[i] >= last[i]) {
        last[i] = now[i];
      }
    }
    lastQueued = s.path("queued").asLong();
  }

  /** Calls arrived, completed, dropped and errored over every process of this replica. */
  synchronized long[] totals() {
    long[] t = new long[history.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = history[i] + last[i];
    }
    return t;
  }

  synchronized long queued() {
    return lastQueued;
  }
}
