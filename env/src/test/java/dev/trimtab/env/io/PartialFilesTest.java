package dev.trimtab.env.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialFilesTest {
  private static final long PID = ProcessHandle.current().pid();

  @TempDir Path dir;

  private List<String> hidden() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  @Test
  void aPartialFileNamesItsTargetAndItsProcessAndIsTrackedUntilCommitted() throws IOException {
    Path target = dir.resolve("metrics.csv");
    try (AtomicFile file = AtomicFile.create(target)) {
      List<String> names = hidden();
      assertEquals(1, names.size());
      assertTrue(
          names.get(0).matches("\\.metrics\\.csv\\." + PID + "-[0-9a-f]+\\.partial"), names.get(0));
      assertEquals(1, PartialFiles.open().stream().filter(p -> p.startsWith(dir)).count());
      file.commit();
    }
    assertEquals(0, PartialFiles.open().stream().filter(p -> p.startsWith(dir)).count());
    assertEquals(List.of(), hidden());
  }

  @Test
  void aDiscardedPartialFileIsDeletedAndForgotten() throws IOException {
    Path partial = AtomicFile.partialFor(dir.resolve("spans.jsonl"));
    assertTrue(PartialFiles.open().contains(partial));
    AtomicFile.discard(partial);
    assertFalse(Files.exists(partial));
    assertFalse(PartialFiles.open().contains(partial));
  }

  @Test
  void filesOfAGoneProcessAreStaleAndOnlyThoseOfTheGivenTargetsAreTouched() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor(30, TimeUnit.SECONDS);
    long gone = done.pid();
    Path stale = Files.createFile(dir.resolve(".metrics.csv." + gone + "-1f.partial"));
    Path otherTarget = Files.createFile(dir.resolve(".notes.txt." + gone + "-2e.partial"));
    Path notOurs = Files.createFile(dir.resolve(".metrics.csv.partial"));
    Path mine = AtomicFile.partialFor(dir.resolve("metrics.csv"));
    Path leftByThisProcess = Files.createFile(dir.resolve(".summary.json." + PID + "-3d.partial"));

    List<PartialFiles.Found> found =
        PartialFiles.find(dir, n -> n.equals("metrics.csv") || n.equals("summary.json"));
    assertEquals(3, found.size(), found.toString());
    assertTrue(found.contains(new PartialFiles.Found(stale, "metrics.csv", gone, true)));
    assertTrue(found.contains(new PartialFiles.Found(mine, "metrics.csv", PID, false)));
    assertTrue(
        found.contains(new PartialFiles.Found(leftByThisProcess, "summary.json", PID, true)),
        "a file of this process that it does not hold open is left over");

    List<Path> removed =
        PartialFiles.removeStale(dir, n -> n.equals("metrics.csv") || n.equals("summary.json"));
    assertEquals(List.of(stale, leftByThisProcess), removed);
    assertTrue(Files.exists(mine), "a partial file in use is kept");
    assertTrue(Files.exists(otherTarget), "another target's file is not ours to remove");
    assertTrue(Files.exists(notOurs), "a name without a pid is not ours to remove");
    AtomicFile.discard(mine);
  }

  @Test
  void aLiveProcessOwnsItsFilesUnlessItStartedAfterTheyWereWritten() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    try {
      long pid = sleeper.pid();
      Path live = Files.createFile(dir.resolve(".metrics.csv." + pid + "-1.partial"));
      Path reused = Files.createFile(dir.resolve(".endpoints.csv." + pid + "-2.partial"));
      Files.setLastModifiedTime(reused, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
      List<PartialFiles.Found> found = PartialFiles.find(dir, n -> true);
      assertEquals(
          List.of(
              new PartialFiles.Found(reused, "endpoints.csv", pid, true),
              new PartialFiles.Found(live, "metrics.csv", pid, false)),
          found);
    } finally {
      sleeper.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aMissingFolderHasNoPartialFiles() throws IOException {
    assertEquals(List.of(), PartialFiles.find(dir.resolve("nothing-here"), n -> true));
  }

  /** SIGTERM to a JVM in the middle of writing: the shutdown hook deletes the partial file. */
  @Test
  void aTerminatedProcessDeletesItsPartialFiles() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HalfWriter.class.getName(),
                dir.resolve("metrics.csv").toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("writing", out.readLine());
      assertEquals(1, hidden().size(), "the child holds a partial file");
      child.destroy();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    assertEquals(List.of(), hidden());
    assertFalse(Files.exists(dir.resolve("metrics.csv")));
  }

  /** Starts a file, says so, and waits to be killed. */
  public static final class HalfWriter {
    public static void main(String[] args) throws Exception {
      AtomicFile file = AtomicFile.create(Path.of(args[0]));
      file.writer().write("time_s,service\n1.000,fro");
      file.writer().flush();
      System.out.println("writing");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }
}
