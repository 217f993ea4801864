package dev.trimtab.cli.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that appears whole or not at all: text goes to a temporary file in the target's folder,
 * and {@link #commit} moves it over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Closing
 * without committing deletes the temporary file, so a failed run leaves no half-written output.
 */
public final class AtomicFile implements Closeable {
  private final Path target;
  private final Path temp;
  private final BufferedWriter writer;
  private boolean done;

  private AtomicFile(Path target, Path temp, BufferedWriter writer) {
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /** Starts writing {@code target}; its folder must exist. */
  public static AtomicFile create(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    return new AtomicFile(target, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
  }

  /** Writes {@code text} to {@code target} atomically in one go. */
  public static void write(Path target, String text) throws IOException {
    try (AtomicFile file = create(target)) {
      file.writer().write(text);
      file.commit();
    }
  }

  /** Where the text goes until {@link #commit}. */
  public Writer writer() {
    return writer;
  }

  /** Closes the temporary file and moves it over the target. */
  public void commit() throws IOException {
    writer.close();
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    done = true;
  }

  /** Deletes the temporary file unless {@link #commit} succeeded. */
  @Override
  public void close() throws IOException {
    if (!done) {
      writer.close();
      Files.deleteIfExists(temp);
      done = true;
    }
  }
}
