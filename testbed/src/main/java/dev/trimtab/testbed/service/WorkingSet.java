package dev.trimtab.testbed.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.random.RandomGenerator;

/**
 * The replica's working set ({@code workingSetMiB}), held for real so that a memory limit acts on
 * it as the simulator's memory model says: half of it is anonymous memory (a direct buffer, touched
 * once at start), which a cgroup limit cannot reclaim without swap, so a limit far below the
 * working set gets the replica OOM-killed; the other half is a file mapped into memory, whose pages
 * the kernel evicts under a limit and reads back when a call touches them, so a limit somewhat
 * below the working set slows calls down. Each call touches {@link #PAGES_PER_CALL} random pages of
 * each half.
 */
public final class WorkingSet implements AutoCloseable {
  /** Pages each call touches in each half: 64 KiB of each. */
  public static final int PAGES_PER_CALL = 16;

  private static final int PAGE = 4096;

  private final ByteBuffer anonymous;
  private final MappedByteBuffer mapped;
  private final FileChannel channel;
  private volatile long sink;

  private WorkingSet(ByteBuffer anonymous, MappedByteBuffer mapped, FileChannel channel) {
    this.anonymous = anonymous;
    this.mapped = mapped;
    this.channel = channel;
  }

  /**
   * Allocates and touches {@code workingSetMiB}; the mapped half lives in an unlinked file under
   * {@code dir}.
   */
  public static WorkingSet allocate(double workingSetMiB, Path dir) {
    long bytes = Math.max(2L * PAGE, Math.round(workingSetMiB * 1024 * 1024));
    int half = (int) Math.min(Integer.MAX_VALUE - PAGE, bytes / 2 / PAGE * PAGE);
    ByteBuffer anonymous = ByteBuffer.allocateDirect(half);
    for (int i = 0; i < half; i += PAGE) {
      anonymous.put(i, (byte) (i >>> 12));
    }
    try {
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "working-set-", ".bin");
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.SPARSE);
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, half);
      for (int i = 0; i < half; i += PAGE) {
        mapped.put(i, (byte) (i >>> 12));
      }
      mapped.force();
      // Unlinked at once: the mapping keeps the inode (and its pages on disk) alive, and a killed
      // replica leaves no file behind.
      Files.delete(file);
      return new WorkingSet(anonymous, mapped, channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map the working set under " + dir, e);
    }
  }

  /** Reads {@link #PAGES_PER_CALL} random pages of each half. */
  public void touch(RandomGenerator rng) {
    long x = 0;
    int pages = anonymous.capacity() / PAGE;
    for (int i = 0; i < PAGES_PER_CALL; i++) {
      x += anonymous.get(rng.nextInt(pages) * PAGE);
      x += mapped.get(rng.nextInt(pages) * PAGE);
    }
    sink += x;
  }

  /** Bytes held, both halves. */
  public long bytes() {
    return 2L * anonymous.capacity();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
