package dev.trimtab.cli.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * I/O failures in words: {@code /runs/x/metrics.csv: permission denied} rather than an exception's
 * class name.
 */
public final class IoErrors {
  private IoErrors() {}

  /** The I/O error in {@code e} or its causes, or null if there is none. */
  public static IOException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t instanceof UncheckedIOException u) {
        return u.getCause();
      }
    }
    return null;
  }

  /** What went wrong with which file, in one line. */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException f) {
      String file = f.getFile() == null ? "" : f.getFile() + ": ";
      String other = f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")";
      return file + reason(f) + other;
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "input/output error" : message;
  }

  private static String reason(FileSystemException f) {
    String reason = f.getReason();
    if (reason != null && !reason.isBlank()) {
      return lowerFirst(reason);
    }
    if (f instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (f instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (f instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (f instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (f instanceof DirectoryNotEmptyException) {
      return "folder not empty";
    }
    return "cannot be written";
  }

  private static String lowerFirst(String s) {
    return s.length() > 1
            && Character.isUpperCase(s.charAt(0))
            && Character.isLowerCase(s.charAt(1))
        ? Character.toLowerCase(s.charAt(0)) + s.substring(1)
        : s;
  }
}
