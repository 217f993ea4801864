package dev.trimtab.testbed.live.launch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trimtab.env.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a testbed holds, written to {@code STATE_DIR/state.json} (atomically) before each thing
 * exists: cgroup roots before they are made, a replica as soon as its process has a pid, an assault
 * before it is sent. So whoever comes next ({@code testbed down}, or the next {@code up}) finds
 * everything even if the launcher was killed with SIGKILL in the middle.
 *
 * @param launcherPid the process that started the testbed (it may be gone)
 * @param cgroupRoots folders of the testbed's root group in each hierarchy (empty without limits)
 * @param cgroupReal whether those are the kernel's cgroup file system (false in tests)
 * @param assaulted services that may have a Chaos Monkey assault switched on
 */
public record TestbedState(
    String id,
    long launcherPid,
    String topologyFile,
    String cgroupMode,
    boolean cgroupReal,
    List<String> cgroupRoots,
    List<ReplicaRecord> replicas,
    List<String> assaulted) {

  public static final String FILE = "state.json";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One replica's process. */
  public record ReplicaRecord(
      String service,
      int replica,
      int port,
      long pid,
      long startEpochMs,
      List<String> cgroupDirs) {}

  public TestbedState {
    cgroupRoots = List.copyOf(cgroupRoots);
    replicas = List.copyOf(replicas);
    assaulted = List.copyOf(assaulted);
  }

  public TestbedState withReplica(ReplicaRecord r) {
    List<ReplicaRecord> next = new ArrayList<>(replicas);
    next.removeIf(x -> x.service().equals(r.service()) && x.replica() == r.replica());
    next.add(r);
    return new TestbedState(
        id, launcherPid, topologyFile, cgroupMode, cgroupReal, cgroupRoots, next, assaulted);
  }

  public TestbedState withoutReplica(String service, int replica) {
    List<ReplicaRecord> next = new ArrayList<>(replicas);
    next.removeIf(x -> x.service().equals(service) && x.replica() == replica);
    return new TestbedState(
        id, launcherPid, topologyFile, cgroupMode, cgroupReal, cgroupRoots, next, assaulted);
  }

  public TestbedState withAssaulted(String service, boolean on) {
    List<String> next = new ArrayList<>(assaulted);
    next.remove(service);
    if (on) {
      next.add(service);
    }
    return new TestbedState(
        id, launcherPid, topologyFile, cgroupMode, cgroupReal, cgroupRoots, replicas, next);
  }

  public static Path file(Path stateDir) {
    return stateDir.resolve(FILE);
  }

  /** The state in {@code stateDir}, or empty when there is none. */
  public static Optional<TestbedState> read(Path stateDir) {
    Path f = file(stateDir);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(f.toFile(), TestbedState.class));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the testbed state " + f + ": " + e.getMessage(), e);
    }
  }

  public void write(Path stateDir) {
    try {
      Files.createDirectories(stateDir);
      AtomicFile.write(file(stateDir), JSON.writeValueAsString(this));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the testbed state in " + stateDir, e);
    }
  }
}
