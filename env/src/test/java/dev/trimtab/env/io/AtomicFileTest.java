package dev.trimtab.env.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
    }
  }

  @Test
  void replacesTheTargetWholeAndLeavesNoPartialFile() throws IOException {
    Path target = dir.resolve("summary.json");
    AtomicFile.write(target, "old, longer text\n");
    AtomicFile.write(target, "new\n");
    assertEquals("new\n", Files.readString(target));
    AtomicFile.write(target, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void closingWithoutCommitKeepsTheOldFileAndDeletesThePartialOne() throws IOException {
    Path target = dir.resolve("metrics.csv");
    AtomicFile.write(target, "kept\n");
    try (AtomicFile file = AtomicFile.create(target)) {
      file.writer().write("half a ro");
      assertEquals(1, leftovers().size(), "the text goes to a partial file beside the target");
    }
    assertEquals("kept\n", Files.readString(target));
    assertEquals(List.of(), leftovers());
  }

  /** Output files get the permissions any new file gets here (the umask), not owner-only ones. */
  @Test
  void permissionsFollowTheUmaskLikeAnyNewFile() throws IOException {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX");
    Path plain = Files.createFile(dir.resolve("plain"));
    Path target = dir.resolve("report.html");
    AtomicFile.write(target, "<html></html>".getBytes(StandardCharsets.UTF_8));
    assumeFalse(
        Files.getPosixFilePermissions(Files.createTempFile(dir, "t", ".tmp"))
            .equals(Files.getPosixFilePermissions(plain)),
        "under an owner-only umask every file is owner-only: nothing to tell apart");
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
  }
}
