package dev.trimtab.cli.rca;

import java.nio.file.Path;

/** Relative paths resolve against the user's working directory (the launcher keeps it). */
final class Inputs {
  private Inputs() {}

  static Path resolve(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
