package dev.trimtab.faults.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reading and writing cgroup files, and removing groups, on the real file system or a fake one. */
final class CgroupFiles {
  private final boolean real;

  /**
   * @param real true for the kernel's cgroup file system; false for a plain folder tree (tests),
   *     where removing a group deletes its files first
   */
  CgroupFiles(boolean real) {
    this.real = real;
  }

  boolean real() {
    return real;
  }

  void write(Path file, String value) {
    try {
      Files.writeString(
          file,
          value,
          StandardCharsets.US_ASCII,
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.CREATE);
    } catch (IOException e) {
      String why = String.valueOf(e.getMessage());
      boolean busy = why.contains("Device or resource busy");
      throw new CgroupException("cannot write '" + value + "' to " + file + ": " + why, e, busy);
    }
  }

  String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new CgroupException("cannot read " + file + ": " + e.getMessage(), e, false);
    }
  }

  long readLong(Path file) {
    String s = read(file);
    try {
      return Long.parseLong(s.isEmpty() ? "0" : s);
    } catch (NumberFormatException e) {
      throw new CgroupException(file + " holds '" + s + "', not a number", e, false);
    }
  }

  /** The value of {@code key} in a flat-keyed file such as {@code cpu.stat}, or 0. */
  long keyed(Path file, String key) {
    if (!Files.exists(file)) {
      return 0;
    }
    for (String line : read(file).split("\n")) {
      String[] kv = line.strip().split("\\s+");
      if (kv.length == 2 && kv[0].equals(key)) {
        return Long.parseLong(kv[1]);
      }
    }
    return 0;
  }

  List<Long> pids(Path dir) {
    Path procs = dir.resolve("cgroup.procs");
    if (!Files.exists(procs)) {
      return List.of();
    }
    List<Long> out = new ArrayList<>();
    for (String line : read(procs).split("\n")) {
      if (!line.isBlank()) {
        out.add(Long.parseLong(line.strip()));
      }
    }
    return out;
  }

  void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CgroupException("cannot create " + dir + ": " + e.getMessage(), e, false);
    }
  }

  /** Removes {@code dir} and every group below it, deepest first; a missing folder is fine. */
  void removeTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new CgroupException("cannot list " + dir + ": " + e.getMessage(), e, false);
    }
    for (Path child : children) {
      removeTree(child);
    }
    try {
      if (!real) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
      }
      Files.deleteIfExists(dir);
    } catch (NoSuchFileException e) {
      // already gone
    } catch (DirectoryNotEmptyException e) {
      throw new CgroupException("cannot remove " + dir + ": processes are still in it", e, true);
    } catch (IOException e) {
      throw new CgroupException("cannot remove " + dir + ": " + e.getMessage(), e, true);
    }
  }
}
