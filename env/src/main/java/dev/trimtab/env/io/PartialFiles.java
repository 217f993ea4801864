package dev.trimtab.env.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden files that {@link AtomicFile} writes before moving them into place, and their
 * clean-up.
 *
 * <p>A partial file of {@code metrics.csv} is named {@code .metrics.csv.<pid>-<random>.partial}
 * beside it: hidden, and naming its target and the process that writes it. This process deletes its
 * own partial files when the JVM shuts down (a normal exit, {@code SIGTERM}, Ctrl-C), through one
 * shutdown hook; a partial file created after the hook has started is deleted at once. A process
 * killed outright ({@code SIGKILL}, power loss) leaves them behind: {@link #find} tells which of
 * those are <em>stale</em> (their process is gone, or the process now holding that pid started
 * after the file was last written), so that the next run into the folder can remove them ({@link
 * #removeStale}) without touching the files of a run still going.
 */
public final class PartialFiles {
  private static final Pattern NAME = Pattern.compile("^\\.(.+)\\.(\\d+)-([0-9a-f]+)\\.partial$");
  private static final long PID = ProcessHandle.current().pid();

  private static final Set<Path> OPEN = new LinkedHashSet<>();
  private static boolean hookInstalled;
  private static boolean shuttingDown;

  private PartialFiles() {}

  /**
   * A partial file found in a folder.
   *
   * @param file the partial file
   * @param target the name of the file it was going to become, in the same folder
   * @param pid the process that wrote it
   * @param stale whether that process is gone (the file will never be finished)
   */
  public record Found(Path file, String target, long pid, boolean stale) {}

  /**
   * Creates a fresh, empty partial file for {@code target} (its folder must exist) and registers it
   * for deletion at shutdown until {@link #forget} or {@link #discard}.
   *
   * @throws IOException also when the JVM is already shutting down
   */
  static Path create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    String base = "." + absolute.getFileName() + "." + PID + "-";
    synchronized (OPEN) {
      installHook();
      if (shuttingDown) {
        throw new IOException("not writing " + target + ": the process is shutting down");
      }
      while (true) {
        Path candidate =
            dir.resolve(
                base + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".partial");
        try {
          Path created = Files.createFile(candidate);
          OPEN.add(created);
          return created;
        } catch (FileAlreadyExistsException taken) {
          // another writer drew the same name: draw again
        }
      }
    }
  }

  /** Stops tracking {@code partial}: it was moved into place. */
  static void forget(Path partial) {
    synchronized (OPEN) {
      OPEN.remove(partial);
    }
  }

  /** Deletes {@code partial} if it is still there and stops tracking it. */
  static void discard(Path partial) throws IOException {
    try {
      Files.deleteIfExists(partial);
    } finally {
      forget(partial);
    }
  }

  /** Partial files this process has open now (for tests and diagnostics). */
  public static List<Path> open() {
    synchronized (OPEN) {
      return List.copyOf(OPEN);
    }
  }

  /**
   * The partial files directly in {@code dir} (none if it does not exist) whose target name {@code
   * targets} accepts, each marked stale or not. Hidden files of other names are not looked at.
   */
  public static List<Found> find(Path dir, Predicate<String> targets) throws IOException {
    List<Found> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.partial")) {
      for (Path file : files) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !targets.test(m.group(1))) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(2));
        } catch (NumberFormatException notAPid) {
          continue;
        }
        Optional<Boolean> stale = isStale(file, pid);
        if (stale.isPresent()) {
          found.add(new Found(file, m.group(1), pid, stale.get()));
        }
      }
    }
    found.sort((a, b) -> a.file().getFileName().compareTo(b.file().getFileName()));
    return found;
  }

  /**
   * Deletes the stale partial files of {@code targets} in {@code dir} (see {@link #find}); the
   * files removed, in name order. Files of a process still running are left alone.
   */
  public static List<Path> removeStale(Path dir, Predicate<String> targets) throws IOException {
    List<Path> removed = new ArrayList<>();
    for (Found f : find(dir, targets)) {
      if (f.stale() && Files.deleteIfExists(f.file())) {
        removed.add(f.file());
      }
    }
    return removed;
  }

  /** Empty when the file vanished while looking. */
  private static Optional<Boolean> isStale(Path file, long pid) throws IOException {
    Instant written;
    try {
      written = Files.getLastModifiedTime(file).toInstant();
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
    if (pid == PID) {
      synchronized (OPEN) {
        return Optional.of(!OPEN.contains(file.toAbsolutePath()) && !OPEN.contains(file));
      }
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return Optional.of(true);
    }
    Optional<Instant> started = process.get().info().startInstant();
    // a process that started after the file was last written did not write it: the pid was reused
    return Optional.of(started.isPresent() && started.get().isAfter(written));
  }

  private static void installHook() {
    if (hookInstalled) {
      return;
    }
    try {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(PartialFiles::deleteAllAtShutdown, "trimtab-partial-files"));
    } catch (IllegalStateException alreadyShuttingDown) {
      shuttingDown = true;
      return;
    }
    hookInstalled = true;
  }

  private static void deleteAllAtShutdown() {
    List<Path> left;
    synchronized (OPEN) {
      shuttingDown = true;
      left = List.copyOf(OPEN);
      OPEN.clear();
    }
    for (Path p : left) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException | RuntimeException e) {
        // nothing more can be done while the JVM exits
      }
    }
  }
}
