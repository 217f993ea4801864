package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The testbed command's usage errors and its answers when nothing is running (no processes). */
class TestbedCliTest {
  @TempDir Path tmp;

  @Test
  void downAndStatusWithNothingRecordedSaySo() {
    Cli down = Cli.run("testbed", "down", "--state-dir", tmp.toString());
    assertEquals(0, down.status(), down.err());
    assertEquals("no testbed was running\n", down.out());
    Cli status = Cli.run("testbed", "status", "--state-dir", tmp.toString());
    assertEquals(0, status.status());
    assertTrue(status.out().startsWith("no testbed recorded in "), status.out());
  }

  @Test
  void badUsageIsOneLineAndExitTwo() {
    Cli none = Cli.run("testbed");
    assertEquals(2, none.status());
    assertTrue(none.err().startsWith("trimtab: missing a subcommand: up, down"), none.err());
    Cli detach =
        Cli.run("testbed", "up", "--topology", "boutique", "--detach", "--duration", "10s");
    assertEquals(2, detach.status());
    assertTrue(detach.err().contains("--detach returns at once"), detach.err());
    Cli topology = Cli.run("testbed", "up", "--topology", "no-such-thing");
    assertEquals(2, topology.status());
    assertTrue(topology.err().startsWith("trimtab: no-such-thing: "), topology.err());
  }

  @Test
  void evalTakesALiveBackendOneRunAtATime() {
    Cli unknown =
        Cli.run(
            "eval",
            "--suite",
            "live-basic",
            "--controllers",
            "static",
            "--seeds",
            "1",
            "--out",
            tmp.toString(),
            "--backend",
            "cloud");
    assertEquals(2, unknown.status());
    assertTrue(
        unknown.err().contains("unknown --backend 'cloud'; allowed: sim, live"), unknown.err());
    Cli threads =
        Cli.run(
            "eval",
            "--suite",
            "live-basic",
            "--controllers",
            "static",
            "--seeds",
            "1",
            "--out",
            tmp.toString(),
            "--backend",
            "live",
            "--threads",
            "2");
    assertEquals(2, threads.status());
    assertTrue(threads.err().contains("one problem at a time"), threads.err());
  }
}
