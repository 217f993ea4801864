package dev.trimtab.env.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** A file written under a temporary name beside its target, then moved onto it atomically. */
final class AtomicFile {
  private AtomicFile() {}

  /** A fresh, empty temporary file in {@code target}'s folder. */
  static Path partialFor(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    return Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".partial");
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

  /** Moves {@code partial} onto {@code target} in one step, replacing what was there. */
  static void commit(Path partial, Path target) throws IOException {
    Files.move(
        partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
