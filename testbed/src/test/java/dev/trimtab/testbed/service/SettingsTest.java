package dev.trimtab.testbed.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path tmp;

  private Path topology() throws Exception {
    String yaml =
        """
        name: t
        services:
          - {name: a, cpuLimitCores: 0.5, memoryLimitMiB: 64, workingSetMiB: 8, operations: [{name: op, demandCoreMs: {mean: 1}}]}
        endpoints:
          - {name: e, slo: {percentile: 99, latencyMs: 10}, root: {call: a/op}}
        """;
    return Files.writeString(tmp.resolve("t.yaml"), yaml);
  }

  @Test
  void commandLineWinsOverTheEnvironment() throws Exception {
    String file = topology().toString();
    ServiceSettings s =
        ServiceSettings.from(
            new String[] {"--trimtab.topology=" + file, "--trimtab.cpu-limit-cores=2"},
            Map.of("TRIMTAB_SERVICE", "a", "TRIMTAB_CPU_LIMIT_CORES", "9", "TRIMTAB_SEED", "5"));
    assertEquals("a", s.service().name());
    assertEquals(2, s.cpuLimitCores());
    assertEquals(5, s.seed());
  }

  @Test
  void anUnknownServiceIsOneLineNamingTheKnownOnes() throws Exception {
    String file = topology().toString();
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ServiceSettings.from(
                    new String[] {"--trimtab.topology=" + file, "--trimtab.service=b"}, Map.of()));
    assertTrue(
        e.getMessage().contains("no service 'b'") && e.getMessage().contains("[a]"),
        e.getMessage());
    e = assertThrows(ConfigException.class, () -> ServiceSettings.from(new String[0], Map.of()));
    assertTrue(e.getMessage().contains("TRIMTAB_TOPOLOGY"), e.getMessage());
  }

  @Test
  void peersRoundRobinAndRejectWhatIsNotAnHttpUrl() {
    Peers p = Peers.parse("db=http://127.0.0.1:1|http://127.0.0.1:2;cache=http://c:3", "x");
    assertEquals("http://127.0.0.1:1", p.pick("db").toString());
    assertEquals("http://127.0.0.1:2", p.pick("db").toString());
    assertEquals("http://127.0.0.1:1", p.pick("db").toString());
    assertNull(p.pick("nobody"));
    assertEquals(p.format(), Peers.parse(p.format(), "y").format());
    assertThrows(ConfigException.class, () -> Peers.parse("db=ftp://x", "x"));
    assertThrows(ConfigException.class, () -> Peers.parse("nonsense", "x"));
  }

  @Test
  void theWorkingSetIsHeldInTwoHalves() {
    try (WorkingSet ws = WorkingSet.allocate(8, tmp)) {
      assertEquals(8L << 20, ws.bytes());
      ws.touch(new java.util.SplittableRandom(1));
      try (var files = Files.list(tmp)) {
        assertEquals(0, files.count(), "the mapped file is unlinked at once");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
