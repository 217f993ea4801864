package dev.trimtab.env.telemetry;

import dev.trimtab.env.io.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Span files streamed under a temporary name beside their target, forced to the disk, then moved
 * onto it atomically ({@link AtomicFile} does the naming and the move).
 */
final class SyncedFile {
  private SyncedFile() {}

  /** A fresh, empty temporary file in {@code target}'s folder, which is created if missing. */
  static Path partialFor(Path target) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    return AtomicFile.partialFor(target);
  }

  /** An append-mode stream onto {@code partial} whose {@link #force} reaches the disk. */
  static SyncableStream open(Path partial) throws IOException {
    FileChannel channel =
        FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new SyncableStream(channel);
  }

  /** Flushes {@code out} and, if it is a {@link SyncableStream}, its bytes to the disk. */
  static void force(OutputStream out) throws IOException {
    out.flush();
    if (out instanceof SyncableStream s) {
      s.channel.force(true);
    }
  }

  /** A buffered stream over a file channel that can also be forced to the disk. */
  static final class SyncableStream extends java.io.BufferedOutputStream {
    private final FileChannel channel;

    private SyncableStream(FileChannel channel) {
      super(Channels.newOutputStream(channel), 1 << 16);
      this.channel = channel;
    }
  }
}
