package dev.trimtab.env.workload;

import dev.trimtab.env.config.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Opens trace files, plain or gzip (told apart by the magic bytes 1f 8b, not the name), through
 * {@link TextInput}: a file that is not text (a ZIP archive, an image, binary data) is refused with
 * what it looks like, and truncated gzip data is a {@link dev.trimtab.env.config.ConfigException}.
 */
final class TraceFiles {
  private TraceFiles() {}

  /**
   * Opens {@code file}; {@code expected} says what it should be, e.g. {@code "an rps trace"}.
   *
   * @throws dev.trimtab.env.config.ConfigException when it is missing or not text
   */
  static InputStream open(Path file, String expected) {
    return TextInput.open(file, file.toString(), true, expected);
  }

  static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
