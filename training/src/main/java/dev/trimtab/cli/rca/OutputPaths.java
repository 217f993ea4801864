package dev.trimtab.cli.rca;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks where a command will write before it does any work, so that a wrong {@code --out} fails at
 * once with one line and exit 2, not after minutes of training, and nothing is written.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** {@code option} names a file that can be created or replaced; returns it resolved. */
  static Path file(CommandSpec spec, String option, Path given) {
    Path p = resolve(spec, option, given);
    if (Files.isDirectory(p)) {
      throw new ParameterException(
          spec.commandLine(), option + " " + given + " is a folder; give a file name");
    }
    if (Files.exists(p) && !Files.isWritable(p)) {
      throw new ParameterException(
          spec.commandLine(), option + " " + given + " exists and cannot be written");
    }
    creatable(spec, option, given, p.getParent());
    return p;
  }

  /** {@code option} names a folder that exists or can be created; returns it resolved. */
  static Path folder(CommandSpec spec, String option, Path given) {
    Path p = resolve(spec, option, given);
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new ParameterException(
          spec.commandLine(), option + " " + given + " is a file; give a folder");
    }
    creatable(spec, option, given, p);
    return p;
  }

  private static Path resolve(CommandSpec spec, String option, Path given) {
    if (given.toString().isBlank()) {
      throw new ParameterException(spec.commandLine(), option + " must not be empty");
    }
    return Inputs.resolve(given);
  }

  /** The nearest existing ancestor of {@code dir} (or itself) is a writable folder. */
  private static void creatable(CommandSpec spec, String option, Path given, Path dir) {
    Path a = dir;
    while (a != null && !Files.exists(a)) {
      a = a.getParent();
    }
    if (a == null || !Files.isDirectory(a)) {
      throw new ParameterException(
          spec.commandLine(),
          option + " " + given + ": " + (a == null ? "no such place" : a + " is not a folder"));
    }
    if (!Files.isWritable(a)) {
      throw new ParameterException(
          spec.commandLine(), option + " " + given + ": cannot write in " + a);
    }
  }
}
