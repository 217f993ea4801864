package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliUsageTest {
  @TempDir Path dir;

  @Test
  void helpGoesToStdoutAndListsTheWorkingCommands() {
    Cli cli = Cli.run("--help");
    assertEquals(0, cli.status());
    assertTrue(cli.out().contains("  sim "), cli.out());
    assertTrue(cli.out().contains("  bench "), cli.out());
    assertFalse(cli.out().contains("  train "), "only commands that work are listed");
    assertEquals("", cli.err());
  }

  @Test
  void versionNamesTrimtabAndTheJvm() {
    Cli cli = Cli.run("--version");
    assertEquals(0, cli.status());
    assertTrue(cli.out().startsWith("trimtab "), cli.out());
    assertTrue(cli.out().contains(System.getProperty("java.version")), cli.out());
  }

  @Test
  void missingSeedIsAUsageError() {
    Cli cli = simWithout("--seed");
    assertEquals(2, cli.status());
    assertTrue(cli.err().startsWith("trimtab: "), cli.err());
    assertTrue(cli.err().contains("--seed"), cli.err());
    assertFalse(cli.err().contains("\tat "), "no stack trace");
    assertEquals("", cli.out());
  }

  @Test
  void badDurationIsAUsageErrorThatShowsTheForm() {
    Cli cli = Cli.run(sim("--duration", "600"));
    assertEquals(2, cli.status());
    assertTrue(cli.err().contains("'600' is not a duration"), cli.err());
    assertTrue(cli.err().contains("ms, s, m or h"), cli.err());
  }

  @Test
  void unknownControllerListsTheKnownOnes() {
    Cli cli = Cli.run(sim("--controller", "magic"));
    assertEquals(2, cli.status());
    assertTrue(
        cli.err().contains("unknown controller 'magic'; known: static, hpa, vpa, aimd"), cli.err());
  }

  @Test
  void unknownTopologyIsABadInputWithTheConfigMessage() {
    Cli cli = Cli.run(sim("--topology", "no-such-topology"));
    assertEquals(2, cli.status());
    assertTrue(cli.err().startsWith("trimtab: "), cli.err());
    assertTrue(cli.err().contains("no-such-topology"), cli.err());
    assertEquals(1, cli.err().strip().lines().count(), "one line: " + cli.err());
  }

  @Test
  void debugAddsTheStackTrace() {
    Cli cli = Cli.run(sim("--topology", "no-such-topology", "--debug"));
    assertEquals(2, cli.status());
    assertTrue(cli.err().contains("\tat "), cli.err());
  }

  @Test
  void noCommandIsAUsageError() {
    Cli cli = Cli.run();
    assertEquals(2, cli.status());
    assertTrue(cli.err().contains("missing a command"), cli.err());
  }

  @Test
  void benchWithoutABenchmarkIsAUsageError() {
    Cli cli = Cli.run("bench");
    assertEquals(2, cli.status());
    assertTrue(cli.err().contains("bench sim"), cli.err());
  }

  @Test
  void benchHelpSaysItIsNotATest() {
    Cli cli = Cli.run("bench", "sim", "--help");
    assertEquals(0, cli.status());
    assertTrue(cli.out().contains("Benchmark, not a test"), cli.out());
  }

  @Test
  void benchSimPrintsARepeatPerLineThenTheirMedian() {
    Cli cli =
        Cli.run(
            "bench",
            "sim",
            "--topology",
            "hotel-reservation",
            "--rate",
            "50",
            "--warmup",
            "1s",
            "--duration",
            "2s",
            "--repeat",
            "3");
    assertEquals(0, cli.status(), cli.err());
    List<String> lines = cli.out().lines().toList();
    assertEquals(4, lines.size(), cli.out());
    for (String repeat : lines.subList(0, 3)) {
      assertTrue(repeat.contains("\"simulated_s\":2,"), repeat);
    }
    assertTrue(lines.get(3).contains("\"repeats\":3,\"requests_per_s_median\":"), lines.get(3));
  }

  /**
   * A valid sim command line with {@code changes} applied: "--opt value" replaces, "--flag" adds.
   */
  private String[] sim(String... changes) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--topology", "social-network");
    options.put("--workload", "poisson:rate=10");
    options.put("--duration", "2s");
    options.put("--seed", "1");
    options.put("--out", dir.resolve("run").toString());
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < changes.length; i++) {
      if (i + 1 < changes.length && !changes[i + 1].startsWith("--")) {
        options.put(changes[i], changes[++i]);
      } else {
        flags.add(changes[i]);
      }
    }
    List<String> args = new ArrayList<>(List.of("sim"));
    options.forEach(
        (k, v) -> {
          args.add(k);
          args.add(v);
        });
    args.addAll(flags);
    return args.toArray(String[]::new);
  }

  private Cli simWithout(String option) {
    List<String> kept = new ArrayList<>(List.of(sim()));
    int at = kept.indexOf(option);
    kept.remove(at + 1);
    kept.remove(at);
    return Cli.run(kept.toArray(String[]::new));
  }
}
