package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run does with the unfinished files it finds in its folder. */
class RunFolderTest {
  @TempDir Path dir;

  private Cli sim(Path out) {
    return Cli.run(
        "sim",
        "--topology",
        "hotel-reservation",
        "--workload",
        "poisson:rate=10",
        "--duration",
        "5s",
        "--seed",
        "1",
        "-q",
        "--out",
        out.toString());
  }

  private Cli eval(Path out) throws Exception {
    Path suite = dev.trimtab.cli.eval.EvaluationTest.tinySuite(dir);
    return Cli.run(
        "eval",
        "--suite",
        suite.toString(),
        "--controllers",
        "static",
        "--seeds",
        "1",
        "-q",
        "--out",
        out.toString());
  }

  @Test
  void filesOfAKilledRunAreRemovedAndOthersKept() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor(30, TimeUnit.SECONDS);
    Path out = Files.createDirectories(dir.resolve("run"));
    Path metrics = Files.createFile(out.resolve(".metrics.csv." + done.pid() + "-9a.partial"));
    Path spans = Files.createFile(out.resolve(".summary.json." + done.pid() + "-9b.partial"));
    Path notOurs = Files.createFile(out.resolve(".notes.txt." + done.pid() + "-9c.partial"));
    Cli cli = sim(out);
    assertEquals(0, cli.status(), cli.err());
    assertEquals(
        "trimtab: removed 2 unfinished files a killed run left in " + out + "\n", cli.err());
    assertFalse(Files.exists(metrics));
    assertFalse(Files.exists(spans));
    assertTrue(Files.exists(notOurs), "not a file of the run's");
  }

  @Test
  void aFolderAnotherRunIsWritingIsRefused() throws Exception {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      Path out = Files.createDirectories(dir.resolve("busy"));
      Files.createFile(out.resolve(".endpoints.csv." + other.pid() + "-1.partial"));
      Cli cli = sim(out);
      assertEquals(2, cli.status());
      assertEquals(
          "trimtab: --out "
              + out
              + " is in use: another trimtab run (process "
              + other.pid()
              + ") is writing endpoints.csv there; wait for it or choose another folder\n",
          cli.err());
      assertFalse(Files.exists(out.resolve("config.json")), "nothing written");

      Path evalOut = Files.createDirectories(dir.resolve("busy-eval").resolve("runs"));
      Files.createFile(evalOut.resolve(".a-hog.static.seed1.json." + other.pid() + "-2.partial"));
      Cli e = eval(evalOut.getParent());
      assertEquals(2, e.status());
      assertTrue(
          e.err().contains("is in use: another trimtab eval (process " + other.pid()), e.err());
    } finally {
      other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
