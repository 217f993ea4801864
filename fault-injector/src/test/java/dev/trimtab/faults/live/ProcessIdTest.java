package dev.trimtab.faults.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Identities of real child processes ({@code sleep}), so pid reuse is caught. */
class ProcessIdTest {

  @Test
  void aProcessIsKnownByPidAndStartAndKilledOnlyWhenBothMatch() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "60").start();
    try {
      ProcessId id = ProcessId.of(sleep.pid()).orElseThrow();
      assertTrue(id.alive());
      ProcessId reused = new ProcessId(sleep.pid(), id.startEpochMs() - 60_000);
      assertFalse(reused.alive(), "same pid, another start: another process");
      assertFalse(reused.kill(1000), "never signalled");
      assertTrue(sleep.isAlive());
      assertTrue(id.kill(5000));
      assertFalse(sleep.isAlive());
      assertFalse(id.alive());
      assertFalse(id.kill(1000), "killing twice does nothing");
    } finally {
      sleep.destroyForcibly();
    }
  }

  @Test
  void stopAndContinueUseSignals() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "60").start();
    try {
      ProcessId id = ProcessId.of(sleep.pid()).orElseThrow();
      assertTrue(id.signal("STOP"));
      assertEquals('T', state(sleep.pid()), "stopped");
      assertTrue(id.signal("CONT"));
      assertEquals('S', state(sleep.pid()), "sleeping again");
    } finally {
      sleep.destroyForcibly();
    }
  }

  @Test
  void cpuTimeAndResidentMemoryAreReadFromProc() throws Exception {
    ProcessId self = ProcessId.of(ProcessHandle.current().pid()).orElseThrow();
    long cpu = self.cpuNanos();
    assertTrue(cpu > 0, "this JVM has used CPU: " + cpu);
    assertTrue(self.residentBytes() > 10 << 20, "a JVM holds more than 10 MiB");
    assertEquals(-1, new ProcessId(Integer.MAX_VALUE, 0).cpuNanos());
  }

  private static char state(long pid) throws Exception {
    for (int i = 0; i < 50; i++) {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
      char s = stat.charAt(stat.lastIndexOf(')') + 2);
      if (s != 'R') {
        return s;
      }
      Thread.sleep(20);
    }
    return 'R';
  }
}
