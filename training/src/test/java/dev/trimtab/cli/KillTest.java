package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim} and {@code eval} as child JVMs killed at seeded random points, with SIGTERM (what
 * Ctrl-C and {@code kill} send) and SIGKILL ({@code kill -9}), then run again into the same folder:
 * no hidden file is left, and the outputs are whole and byte-identical to an uninterrupted run.
 */
class KillTest {
  private static final long SEED = 20_251_202L;

  @TempDir Path dir;

  private static final String[] SIM = {
    "sim",
    "--topology",
    "social-network",
    "--workload",
    "poisson:rate=200",
    "--duration",
    "600s",
    "--seed",
    "3",
    "-q",
    "--span-sampling",
    "0.01"
  };

  @Test
  void aKilledSimLeavesNothingBehindOnceRunAgain() throws Exception {
    Path ref = dir.resolve("ref");
    long start = System.nanoTime();
    Process whole = child(sim(ref));
    assertEquals(0, whole.waitFor(), log(ref));
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    Random random = new Random(SEED);
    for (int i = 0; i < 4; i++) {
      boolean term = i % 2 == 0;
      Path run = dir.resolve("run-" + i);
      Process p = child(sim(run));
      // kill while the run writes: after config.json, at a random point of the rest
      long startedMs = waitFor(p, () -> Files.exists(run.resolve("config.json")));
      long killAtMs = (long) (Math.max(0, wallMs - startedMs) * random.nextDouble());
      int writing = 0;
      if (!p.waitFor(killAtMs, TimeUnit.MILLISECONDS)) {
        writing = hidden(run).size();
        if (term) {
          p.destroy();
        } else {
          p.destroyForcibly();
        }
      }
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      String what =
          (term ? "SIGTERM" : "SIGKILL")
              + " "
              + killAtMs
              + " ms into the run, "
              + writing
              + " files being written (started at "
              + startedMs
              + " ms; a whole sim takes "
              + wallMs
              + " ms)";
      if (term) {
        assertEquals(List.of(), hidden(run), what + ": the shutdown hook removed them");
      }
      int left = hidden(run).size();
      System.out.println("KillTest sim: " + what + ", " + left + " partial files left");
      Cli again = Cli.run(sim(run));
      assertEquals(0, again.status(), again.err());
      assertEquals(
          left > 0,
          again.err().contains("trimtab: removed " + left + " unfinished file"),
          what + ": " + left + " left; said: " + again.err());
      assertEquals(List.of(), hidden(run), what);
      for (String f : List.of("metrics.csv", "endpoints.csv", "summary.json", "spans.jsonl")) {
        assertArrayEquals(
            Files.readAllBytes(ref.resolve(f)),
            Files.readAllBytes(run.resolve(f)),
            what + ": " + f);
      }
    }
  }

  @Test
  void aKilledEvalResumesToTheSameBytes() throws Exception {
    Path suite = dev.trimtab.cli.eval.EvaluationTest.tinySuite(dir, 200);
    Path ref = dir.resolve("ref");
    long start = System.nanoTime();
    Process whole = child(eval(suite, ref, false));
    assertEquals(0, whole.waitFor(), log(ref));
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    Random random = new Random(SEED + 1);
    for (int i = 0; i < 2; i++) {
      boolean term = i == 0;
      Path out = dir.resolve("out-" + i);
      Process p = child(eval(suite, out, false));
      // kill while runs are being saved: after the first, at a random point of the rest
      long firstSavedMs = waitFor(p, () -> savedRuns(out.resolve("runs")) > 0);
      long killAtMs = (long) (wallMs * 0.4 * random.nextDouble());
      if (!p.waitFor(killAtMs, TimeUnit.MILLISECONDS)) {
        if (term) {
          p.destroy();
        } else {
          p.destroyForcibly();
        }
      }
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      String what =
          (term ? "SIGTERM" : "SIGKILL")
              + " "
              + killAtMs
              + " ms after the first saved run (at "
              + firstSavedMs
              + " ms; a whole eval takes "
              + wallMs
              + " ms)";
      if (term) {
        assertEquals(List.of(), hidden(out), what);
      }
      long saved = savedRuns(out.resolve("runs"));
      System.out.println(
          "KillTest eval: "
              + what
              + ", "
              + saved
              + " of 8 runs saved, "
              + hidden(out).size()
              + " partial files left");
      Cli resumed = Cli.run(eval(suite, out, true));
      assertEquals(0, resumed.status(), what + ": " + resumed.err());
      assertEquals(
          saved > 0,
          resumed.out().contains(", " + saved + " resumed)"),
          what + ": " + resumed.out());
      assertEquals(List.of(), hidden(out), what);
      for (String f :
          List.of(
              "leaderboard.json",
              "leaderboard.md",
              "report.html",
              "plots/summary.png",
              "plots/a-hog.png")) {
        assertArrayEquals(
            Files.readAllBytes(ref.resolve(f)),
            Files.readAllBytes(out.resolve(f)),
            what + ": " + f);
      }
    }
  }

  /** Something to wait for. */
  private interface Condition {
    boolean holds() throws IOException;
  }

  /** Waits until {@code condition} holds or the process ends; milliseconds waited. */
  private static long waitFor(Process p, Condition condition) throws Exception {
    long start = System.nanoTime();
    while (p.isAlive() && !condition.holds()) {
      Thread.sleep(10);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long savedRuns(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(runs)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith(".") && !n.equals("plan.json"))
          .count();
    }
  }

  private String[] sim(Path run) {
    List<String> args = new ArrayList<>(List.of(SIM));
    args.addAll(List.of("--out", run.toString(), "--spans", run.resolve("spans.jsonl").toString()));
    return args.toArray(String[]::new);
  }

  private static String[] eval(Path suite, Path out, boolean resume) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "eval",
                "--suite",
                suite.toString(),
                "--controllers",
                "static,hpa",
                "--seeds",
                "1,2",
                "--threads",
                "2",
                "--out",
                out.toString(),
                "-q"));
    if (resume) {
      args.add("--resume");
    }
    return args.toArray(String[]::new);
  }

  /** The CLI in a JVM of its own, output to a log beside {@code dir}'s parent. */
  private Process child(String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-Dtrimtab.stderr.tty=false",
                "-cp",
                System.getProperty("java.class.path"),
                TrimtabCli.class.getName()));
    cmd.addAll(List.of(args));
    Path log = dir.resolve("child.log");
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private String log(Path unused) throws IOException {
    Path log = dir.resolve("child.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Hidden files anywhere under {@code folder}. */
  private static List<Path> hidden(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }
}
