package dev.trimtab.testbed.live.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.faults.live.ProcessId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teardown from a state file alone, with real processes ({@code sleep}) and a fake cgroup tree. */
class TeardownTest {
  @TempDir Path tmp;

  @Test
  void killsRecordedProcessesRemovesGroupsAndStateButSparesAReusedPid() throws Exception {
    Process ours = new ProcessBuilder("sleep", "60").start();
    Process stranger = new ProcessBuilder("sleep", "60").start();
    try {
      ProcessId id = ProcessId.of(ours.pid()).orElseThrow();
      ProcessId strangerId = ProcessId.of(stranger.pid()).orElseThrow();
      Path group = Files.createDirectories(tmp.resolve("cg/cpu/trimtab/t1/db-0"));
      Files.writeString(group.resolve("cpu.cfs_quota_us"), "2500");
      Path root = tmp.resolve("cg/cpu/trimtab/t1");
      Path stateDir = tmp.resolve("state");
      new TestbedState(
              "t1",
              999_999,
              "topology.yaml",
              "cgroup v1",
              false,
              List.of(root.toString()),
              List.of(
                  new TestbedState.ReplicaRecord(
                      "db", 0, 1, id.pid(), id.startEpochMs(), List.of(group.toString())),
                  new TestbedState.ReplicaRecord(
                      "cache",
                      0,
                      2,
                      strangerId.pid(),
                      strangerId.startEpochMs() - 100_000,
                      List.of())),
              List.of())
          .write(stateDir);
      Teardown.Report report = Teardown.run(stateDir);
      assertTrue(report.found());
      assertEquals(1, report.processesKilled(), "only the process whose start time matches");
      assertEquals(List.of(), report.problems());
      assertTrue(ours.waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
      assertTrue(stranger.isAlive(), "a pid reused by another process is never signalled");
      assertFalse(Files.exists(root));
      assertFalse(Files.exists(tmp.resolve("cg/cpu/trimtab")), "the empty shared parent goes too");
      assertFalse(Files.exists(TestbedState.file(stateDir)));
      assertFalse(Teardown.run(stateDir).found(), "a second teardown finds nothing");
    } finally {
      ours.destroyForcibly();
      stranger.destroyForcibly();
    }
  }

  @Test
  void theStateReadsBackAsWritten() {
    TestbedState s =
        new TestbedState("id", 1, "t.yaml", "no limits", true, List.of(), List.of(), List.of())
            .withReplica(new TestbedState.ReplicaRecord("a", 0, 10, 20, 30, List.of("/x")))
            .withAssaulted("a", true);
    s.write(tmp);
    assertEquals(s, TestbedState.read(tmp).orElseThrow());
    assertEquals(List.of(), s.withoutReplica("a", 0).replicas());
    assertEquals(List.of(), s.withAssaulted("a", false).assaulted());
  }
}
