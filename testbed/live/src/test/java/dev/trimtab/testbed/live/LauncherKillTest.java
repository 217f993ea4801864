package dev.trimtab.testbed.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.faults.live.ChaosMonkeyClient;
import dev.trimtab.faults.live.ProcessId;
import dev.trimtab.testbed.live.launch.Teardown;
import dev.trimtab.testbed.live.launch.TestbedState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the launcher, then {@code testbed down} or the next {@code up}: nothing of the
 * killed testbed may remain, no process, no cgroup, no assault. The launcher is a separate JVM
 * ({@link KillableLauncher}) with one service; once with this host's cgroups, once in the no-limits
 * mode, so both ways of finding processes (cgroups, pid and start time) are exercised everywhere.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LauncherKillTest {
  static final Path CI_ONE = Path.of("src/test/resources/ci-one.yaml");

  @TempDir Path state;

  /** Starts a launcher, waits for READY (its replicas answer), and kills it with SIGKILL. */
  private TestbedState startAndKill(String mode) throws Exception {
    Process launcher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Xmx128m",
                KillableLauncher.class.getName(),
                state.toString(),
                CI_ONE.toString(),
                mode)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("READY"), "launcher said " + line);
      System.err.println("launcher (" + mode + "): " + line);
    }
    TestbedState recorded = TestbedState.read(state).orElseThrow();
    TestbedState.ReplicaRecord r = recorded.replicas().get(0);
    assertTrue(new ProcessId(r.pid(), r.startEpochMs()).alive());
    assertTrue(new ChaosMonkeyClient(URI.create("http://127.0.0.1:" + r.port())).enabled());
    launcher.destroyForcibly();
    assertTrue(launcher.waitFor(10, TimeUnit.SECONDS));
    assertEquals(137, launcher.exitValue(), "SIGKILL");
    assertTrue(
        new ProcessId(r.pid(), r.startEpochMs()).alive(),
        "the service outlives its killed launcher: the case teardown exists for");
    return recorded;
  }

  private static void assertNothingLeft(TestbedState killed) {
    for (TestbedState.ReplicaRecord r : killed.replicas()) {
      assertFalse(new ProcessId(r.pid(), r.startEpochMs()).alive(), r.service() + " still runs");
      for (String dir : r.cgroupDirs()) {
        assertFalse(Files.exists(Path.of(dir)), "cgroup left: " + dir);
      }
    }
    for (String root : killed.cgroupRoots()) {
      assertFalse(Files.exists(Path.of(root)), "cgroup root left: " + root);
    }
  }

  @Test
  void downAfterKill9LeavesNothingWithThisHostsCgroups() throws Exception {
    TestbedState killed = startAndKill("host");
    Teardown.Report report = Teardown.run(state);
    System.err.println("down: " + report.describe() + " (" + killed.cgroupMode() + ")");
    assertTrue(report.found());
    assertEquals(1, report.processesKilled());
    assertEquals(List.of(), report.problems());
    assertNothingLeft(killed);
    assertFalse(Files.exists(TestbedState.file(state)));
  }

  @Test
  void theNextUpAfterKill9CleansTheOldTestbedInTheNoLimitsMode() throws Exception {
    TestbedState killed = startAndKill("no-limits");
    assertEquals("no limits", killed.cgroupMode());
    assertTrue(killed.cgroupRoots().isEmpty(), "found by pid and start time alone");
    List<String> lines = new ArrayList<>();
    TestbedConfig next =
        TestbedConfig.of(dev.trimtab.env.topology.TopologyLoader.load(CI_ONE), state)
            .withTelemetry(false);
    try (Testbed tb =
        Testbed.start(next, dev.trimtab.testbed.live.launch.Layout.find(), lines::add)) {
      assertNothingLeft(killed);
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith("removed the testbed left in")),
          lines.toString());
      long pid = TestbedState.read(state).orElseThrow().replicas().get(0).pid();
      assertTrue(pid != killed.replicas().get(0).pid(), "a new process");
      assertFalse(
          new ChaosMonkeyClient(tb.readyReplicas("solo").get(0)).enabled(),
          "no assault carried over");
    }
    assertFalse(Files.exists(TestbedState.file(state)), "close tore the new one down");
  }
}
