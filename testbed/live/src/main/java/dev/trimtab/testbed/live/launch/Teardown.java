package dev.trimtab.testbed.live.launch;

import dev.trimtab.faults.live.Assault;
import dev.trimtab.faults.live.CgroupDriver;
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
 * Removes everything a testbed's state file records: switches off the Chaos Monkey assaults of
 * replicas still running, kills every recorded process (checking pid and start time, so a reused
 * pid is never hit), removes the cgroups with whatever is left in them, and deletes the state file.
 * Works from the file alone, so it cleans up after a launcher that was killed.
 */
public final class Teardown {
  private Teardown() {}

  /**
   * What was removed.
   *
   * @param problems what could not be removed (empty when everything went)
   */
  public record Report(
      boolean found,
      int processesKilled,
      int cgroupRoots,
      int assaultsReset,
      List<String> problems) {
    public String describe() {
      if (!found) {
        return "no testbed was running";
      }
      return "stopped "
          + processesKilled
          + " process(es), reset "
          + assaultsReset
          + " assault(s), removed "
          + cgroupRoots
          + " cgroup tree(s)"
          + (problems.isEmpty() ? "" : "; could not remove: " + String.join("; ", problems));
    }
  }

  public static Report run(Path stateDir) {
    Optional<TestbedState> read = TestbedState.read(stateDir);
    if (read.isEmpty()) {
      return new Report(false, 0, 0, 0, List.of());
    }
    TestbedState state = read.get();
    List<String> problems = new ArrayList<>();
    int running =
        (int)
            state.replicas().stream()
                .filter(r -> new ProcessId(r.pid(), r.startEpochMs()).alive())
                .count();
    int assaults = 0;
    for (TestbedState.ReplicaRecord r : state.replicas()) {
      ProcessId id = new ProcessId(r.pid(), r.startEpochMs());
      if (state.assaulted().contains(r.service()) && id.alive()) {
        try {
          new ChaosMonkeyClient(URI.create("http://127.0.0.1:" + r.port()), Duration.ofSeconds(1))
              .setAssaults(Assault.NONE);
          assaults++;
        } catch (RuntimeException e) {
          // a frozen or dying replica does not answer; killing it ends its assault too
        }
      }
    }
    List<Path> roots = state.cgroupRoots().stream().map(Path::of).toList();
    problems.addAll(CgroupDriver.removeRecorded(roots, state.cgroupReal()));
    for (TestbedState.ReplicaRecord r : state.replicas()) {
      ProcessId id = new ProcessId(r.pid(), r.startEpochMs());
      if (id.alive()) {
        id.signal("CONT");
        id.kill(5000);
      }
      if (id.alive()) {
        problems.add("process " + r.pid() + " (" + r.service() + ") survived SIGKILL");
      }
    }
    problems.addAll(CgroupDriver.removeRecorded(roots, state.cgroupReal()));
    for (Path root : roots) {
      removeIfEmpty(root.getParent());
    }
    try {
      Files.deleteIfExists(TestbedState.file(stateDir));
    } catch (IOException e) {
      problems.add("cannot delete " + TestbedState.file(stateDir) + ": " + e.getMessage());
    }
    return new Report(true, running, roots.size(), assaults, problems);
  }

  /** The shared {@code trimtab} parent group goes with its last testbed (others keep it busy). */
  private static void removeIfEmpty(Path dir) {
    if (dir == null || !dir.getFileName().toString().equals("trimtab")) {
      return;
    }
    try (var children = Files.list(dir)) {
      if (children.anyMatch(Files::isDirectory)) {
        return;
      }
    } catch (IOException e) {
      return;
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // still in use, or a plain folder with files (tests): leave it
    }
  }
}
