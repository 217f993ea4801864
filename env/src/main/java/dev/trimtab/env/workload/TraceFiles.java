package dev.trimtab.env.workload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens trace files, plain or gzip (told apart by the magic bytes 1f 8b, not the name). */
final class TraceFiles {
  private static final int BUFFER_BYTES = 1 << 16;

  private TraceFiles() {}

  static InputStream open(Path file) {
    try {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new BufferedInputStream(new GZIPInputStream(raw, BUFFER_BYTES), BUFFER_BYTES);
      }
      return raw;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trace " + file, e);
    }
  }

  static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
