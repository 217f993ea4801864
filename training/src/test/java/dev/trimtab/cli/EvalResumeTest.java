package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.cli.eval.EvaluationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval}'s saved runs: resumed byte for byte, refused when they are another eval's. */
class EvalResumeTest {
  @TempDir static Path dir;

  static Path suite;
  static Path ref;
  static Map<String, byte[]> reference;

  private static final List<String> OUTPUTS =
      List.of(
          "leaderboard.json",
          "leaderboard.md",
          "report.html",
          "plots/summary.png",
          "plots/a-hog.png",
          "plots/b-surge.png");

  @BeforeAll
  static void uninterrupted() throws IOException {
    suite = EvaluationTest.tinySuite(dir);
    ref = dir.resolve("ref");
    Cli cli = Cli.run(eval(ref, "1,2"));
    assertEquals(0, cli.status(), cli.err());
    reference = read(ref);
  }

  private static String[] eval(Path out, String seeds, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "eval",
                "--suite",
                suite.toString(),
                "--controllers",
                "static,hpa",
                "--seeds",
                seeds,
                "--threads",
                "2",
                "--out",
                out.toString(),
                "-q"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static Map<String, byte[]> read(Path out) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String f : OUTPUTS) {
      files.put(f, Files.readAllBytes(out.resolve(f)));
    }
    return files;
  }

  private static void assertSameOutputs(Path out) throws IOException {
    Map<String, byte[]> now = read(out);
    for (String f : OUTPUTS) {
      assertArrayEquals(reference.get(f), now.get(f), f);
    }
  }

  private static Path copy(String name) throws IOException {
    Path to = dir.resolve(name);
    try (Stream<Path> files = Files.walk(ref)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(ref.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static List<Path> tree(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.sorted().toList();
    }
  }

  @Test
  void everyRunIsSavedAsItsOwnFile() throws IOException {
    try (Stream<Path> runs = Files.list(ref.resolve("runs"))) {
      List<String> names = runs.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(9, names.size(), names.toString());
      assertTrue(names.contains("plan.json"));
      assertTrue(names.contains("a-hog.static.seed1.json"));
      assertTrue(names.contains("b-surge.hpa.seed2.json"));
    }
  }

  /** Half the runs deleted (as if the eval was killed): the rest are run, the files identical. */
  @Test
  void resumingAfterLosingRunsGivesTheSameBytes() throws IOException {
    Path out = copy("resume");
    for (String lost :
        List.of("a-hog.hpa.seed1.json", "b-surge.static.seed2.json", "b-surge.hpa.seed1.json")) {
      Files.delete(out.resolve("runs").resolve(lost));
    }
    for (String f : OUTPUTS) {
      Files.delete(out.resolve(f));
    }
    Cli cli = Cli.run(eval(out, "1,2", "--resume"));
    assertEquals(0, cli.status(), cli.err());
    assertTrue(cli.out().contains("5 resumed"), cli.out());
    assertTrue(cli.err().contains("resuming: 5 of 8 runs saved"), cli.err());
    assertSameOutputs(out);
  }

  @Test
  void resumingAFinishedEvalRunsNothingAndGivesTheSameBytes() throws IOException {
    Path out = copy("finished");
    Cli cli = Cli.run(eval(out, "1,2", "--resume"));
    assertEquals(0, cli.status(), cli.err());
    assertTrue(cli.out().contains("8 resumed"), cli.out());
    assertSameOutputs(out);
  }

  @Test
  void resumingAnotherEvalsRunsIsRefusedAndChangesNothing() throws IOException {
    Path out = copy("other");
    List<Path> before = tree(out);
    Cli seeds = Cli.run(eval(out, "1,2,3", "--resume"));
    assertEquals(2, seeds.status());
    assertEquals(
        "trimtab: --resume: the runs saved in "
            + out
            + " come from another evaluation (seeds 1,2,3 here, 1,2 in the saved runs); run"
            + " without --resume to start over, or choose another --out\n",
        seeds.err());
    Cli controllers =
        Cli.run(
            "eval",
            "--suite",
            suite.toString(),
            "--controllers",
            "static",
            "--seeds",
            "1,2",
            "--out",
            out.toString(),
            "-q",
            "--resume");
    assertEquals(2, controllers.status());
    assertTrue(controllers.err().contains("controllers static here, static,hpa in the"));
    assertEquals(before, tree(out), "nothing written or removed");
  }

  /** The same suite name and problems, one with a stronger surge: its fingerprint changed. */
  @Test
  void aChangedProblemIsNotResumed() throws IOException {
    Path out = copy("changed");
    Path changedSuite = Files.createDirectories(dir.resolve("elsewhere").resolve("tiny"));
    for (String f : List.of("a-hog.yaml", "b-surge.yaml")) {
      Files.copy(suite.resolve(f), changedSuite.resolve(f));
    }
    Path surge = changedSuite.resolve("b-surge.yaml");
    Files.writeString(surge, Files.readString(surge).replace("factor: 3", "factor: 4"));
    Cli cli =
        Cli.run(
            "eval",
            "--suite",
            changedSuite.toString(),
            "--controllers",
            "static,hpa",
            "--seeds",
            "1,2",
            "--out",
            out.toString(),
            "-q",
            "--resume");
    assertEquals(2, cli.status());
    assertTrue(
        cli.err().contains("(problem b-surge has changed since its runs were saved)"), cli.err());
  }

  @Test
  void aSavedRunThatIsNotOneIsRefusedByName() throws IOException {
    Path out = copy("corrupt");
    Path bad = out.resolve("runs").resolve("a-hog.static.seed2.json");
    Files.writeString(bad, "{\"format\":\"something else\"}");
    Cli cli = Cli.run(eval(out, "1,2", "--resume"));
    assertEquals(2, cli.status());
    assertTrue(cli.err().startsWith("trimtab: --resume: " + bad + ": format"), cli.err());
    assertEquals(1, cli.err().lines().count());
  }

  /** Without --resume the folder's eval files start over; a user's own files stay. */
  @Test
  void reusingTheFolderForAnotherSuiteKeepsNoStalePlotsOrRuns() throws IOException {
    Path out = copy("reuse");
    Path mine = Files.writeString(out.resolve("notes.txt"), "mine\n");
    Path otherSuite = Files.createDirectories(dir.resolve("one-problem"));
    Files.copy(suite.resolve("b-surge.yaml"), otherSuite.resolve("b-surge.yaml"));
    Cli cli =
        Cli.run(
            "eval",
            "--suite",
            otherSuite.toString(),
            "--controllers",
            "static",
            "--seeds",
            "1",
            "--out",
            out.toString(),
            "-q");
    assertEquals(0, cli.status(), cli.err());
    assertTrue(cli.err().contains("8 saved runs removed"), cli.err());
    assertFalse(Files.exists(out.resolve("plots/a-hog.png")), "a stale plot of the old suite");
    assertTrue(Files.exists(out.resolve("plots/b-surge.png")));
    try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
      assertEquals(
          List.of("b-surge.static.seed1.json", "plan.json"),
          runs.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("mine\n", Files.readString(mine));
  }
}
