package dev.trimtab.env.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that appears whole or not at all: bytes go to a temporary file in the target's folder, and
 * {@link #commit} moves it over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Closing
 * without committing deletes the temporary file, so a failed run leaves no half-written output.
 * Temporary files still open when the JVM shuts down (Ctrl-C, {@code SIGTERM}) are deleted then;
 * {@link PartialFiles} names them and finds those a killed process left behind.
 *
 * <p>The temporary file is created with the process's default permissions (the umask applies), not
 * the owner-only permissions of {@link Files#createTempFile}: run files are meant to be shared.
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
    Path temp = partialFor(target);
    try {
      return new AtomicFile(target, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      PartialFiles.discard(temp);
      throw e;
    }
  }

  /** Writes {@code text} to {@code target} atomically in one go; its folder must exist. */
  public static void write(Path target, String text) throws IOException {
    try (AtomicFile file = create(target)) {
      file.writer().write(text);
      file.commit();
    }
  }

  /** Writes {@code bytes} to {@code target} atomically in one go; its folder must exist. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path temp = partialFor(target);
    try {
      Files.write(temp, bytes);
      commit(temp, target);
    } finally {
      PartialFiles.discard(temp);
    }
  }

  /**
   * A fresh, empty file beside {@code target} (a hidden name ending in {@code .partial}, see {@link
   * PartialFiles}) to write into and then {@link #commit(Path, Path)}; its folder must exist. It is
   * deleted when the JVM shuts down before it is committed or {@link #discard discarded}.
   */
  public static Path partialFor(Path target) throws IOException {
    return PartialFiles.create(target);
  }

  /** Moves {@code partial} onto {@code target} in one step, replacing what was there. */
  public static void commit(Path partial, Path target) throws IOException {
    Files.move(
        partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    PartialFiles.forget(partial);
  }

  /** Deletes a file from {@link #partialFor} that will not be committed. */
  public static void discard(Path partial) throws IOException {
    PartialFiles.discard(partial);
  }

  /** Where the text goes until {@link #commit()}. */
  public Writer writer() {
    return writer;
  }

  /** Closes the temporary file and moves it over the target. */
  public void commit() throws IOException {
    writer.close();
    commit(temp, target);
    done = true;
  }

  /** Deletes the temporary file unless {@link #commit()} succeeded. */
  @Override
  public void close() throws IOException {
    if (!done) {
      done = true;
      try {
        writer.close();
      } finally {
        PartialFiles.discard(temp);
      }
    }
  }
}
