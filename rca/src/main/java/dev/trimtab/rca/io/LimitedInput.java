package dev.trimtab.rca.io;

import dev.trimtab.rca.trace.TraceFormatException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a trace file (gzip when its name ends in {@code .gz}) as a stream that refuses to deliver
 * more than a given number of bytes, so that a huge or endless input ends with a {@link
 * TraceFormatException} rather than an out-of-memory error.
 */
final class LimitedInput extends FilterInputStream {
  private final String source;
  private final long maxBytes;
  private long read;

  LimitedInput(InputStream in, String source, long maxBytes) {
    super(in);
    this.source = source;
    this.maxBytes = maxBytes;
  }

  static InputStream open(Path file, long maxBytes) {
    try {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      InputStream in = file.getFileName().toString().endsWith(".gz") ? gunzip(raw, file) : raw;
      return new LimitedInput(in, file.toString(), maxBytes);
    } catch (IOException e) {
      throw new TraceFormatException(file.toString(), "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static InputStream gunzip(InputStream raw, Path file) throws IOException {
    try {
      return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
    } catch (IOException e) {
      raw.close();
      throw new TraceFormatException(file.toString(), "", "not a gzip file: " + e.getMessage(), e);
    }
  }

  private void count(long n) {
    if (n > 0) {
      read += n;
      if (read > maxBytes) {
        throw new TraceFormatException(
            source, "", "larger than " + maxBytes + " bytes (the import limit)");
      }
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    count(b < 0 ? 0 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    count(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    count(s);
    return s;
  }
}
