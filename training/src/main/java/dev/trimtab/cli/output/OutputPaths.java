package dev.trimtab.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks that an output folder or file can be written, before any work starts, so that a run never
 * fails at its end for a path it could have refused at once. Nothing is created: writability is
 * probed with a hidden file made and removed at once in the nearest existing folder.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /**
   * What is wrong with writing into the folder the user gave as {@code given} for {@code option}
   * (e.g. {@code --out}), resolved to {@code resolved}; empty if it exists and is writable, or can
   * be created.
   */
  public static Optional<String> checkFolder(String option, String given, Path resolved) {
    if (given.isBlank()) {
      return Optional.of(option + " is empty: name a folder (e.g. " + option + " runs/first)");
    }
    return folderProblem(resolved).map(problem -> option + " " + given + " " + problem);
  }

  /**
   * What is wrong with writing the file the user gave as {@code given} for {@code option} (e.g.
   * {@code --spans}); empty if it can be written (its folder is created if missing).
   */
  public static Optional<String> checkFile(String option, String given, Path resolved) {
    if (given.isBlank()) {
      return Optional.of(option + " is empty: name a file");
    }
    Path p = resolved.toAbsolutePath().normalize();
    String what = option + " " + given;
    if (Files.isDirectory(p)) {
      return Optional.of(
          what + " is a folder; name a file in it, e.g. " + p.resolve("spans.jsonl"));
    }
    if (Files.exists(p) && !Files.isRegularFile(p)) {
      return Optional.of(what + " is not a regular file");
    }
    if (p.getParent() == null) {
      return Optional.of(what + " is not a file");
    }
    return folderProblem(p.getParent()).map(problem -> what + ": its folder " + problem);
  }

  /** "is a file, not a folder", "cannot be created in /x: permission denied"... or empty. */
  private static Optional<String> folderProblem(Path folder) {
    Path p = folder.toAbsolutePath().normalize();
    if (Files.exists(p)) {
      if (!Files.isDirectory(p)) {
        return Optional.of("is a file, not a folder");
      }
      return probe(p).map(reason -> "cannot be written: " + reason);
    }
    Path existing = p.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.of("cannot be created: no such file system");
    }
    if (!Files.isDirectory(existing)) {
      return Optional.of("is inside " + existing + ", which is a file, not a folder");
    }
    Path in = existing;
    return probe(existing).map(reason -> "cannot be created in " + in + ": " + reason);
  }

  private static Optional<String> probe(Path dir) {
    try {
      Path probe = Files.createTempFile(dir, ".trimtab-write-check-", ".tmp");
      Files.delete(probe);
      return Optional.empty();
    } catch (IOException e) {
      String d = IoErrors.describe(e);
      int colon = d.indexOf(": ");
      return Optional.of(colon >= 0 && d.startsWith(dir.toString()) ? d.substring(colon + 2) : d);
    } catch (SecurityException e) {
      return Optional.of("not allowed (" + e.getMessage() + ")");
    }
  }
}
