package dev.trimtab.env.workload;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.Snippet;
import dev.trimtab.env.config.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams whitespace-separated per-second request counts, one number at a time, from a byte buffer:
 * no strings, no allocation per number, O(1) memory whatever the file size.
 */
final class RpsReader implements AutoCloseable {
  private static final long MAX_COUNT = 1_000_000_000_000L;
  private static final String EXPECTED =
      "an rps trace (whitespace-separated per-second request counts, plain or gzip)";

  private final String source;
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long line = 1;
  private long token;

  RpsReader(Path file) {
    this.source = file.toString();
    this.in = TraceFiles.open(file, EXPECTED);
  }

  /** The next count, or -1 at the end of the file. */
  long next() {
    int b = skipWhitespace();
    if (b < 0) {
      return -1;
    }
    token++;
    long value = 0;
    int digits = 0;
    while (b >= 0 && !isSpace(b)) {
      if (b < '0' || b > '9' || value > MAX_COUNT) {
        throw badToken(digits > 0 ? Long.toString(value) : "", b);
      }
      digits++;
      value = value * 10 + (b - '0');
      b = read();
    }
    if (b == '\n') {
      line++;
    }
    return value;
  }

  private int skipWhitespace() {
    int b = read();
    while (b >= 0 && isSpace(b)) {
      if (b == '\n') {
        line++;
      }
      b = read();
    }
    return b;
  }

  private static boolean isSpace(int b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r';
  }

  private int read() {
    if (pos == limit) {
      try {
        limit = in.read(buf, 0, buf.length);
      } catch (IOException e) {
        throw TextInput.cannotRead(source, e);
      }
      pos = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buf[pos++] & 0xff;
  }

  private ConfigException badToken(String digitsRead, int first) {
    StringBuilder text = new StringBuilder(digitsRead);
    int b = first;
    while (b >= 0 && !isSpace(b) && text.length() < 40) {
      text.append((char) b);
      b = read();
    }
    return new ConfigException(
        source,
        "line " + line + ", number " + token,
        "expected a per-second request count (an integer in [0, "
            + MAX_COUNT
            + "]); got "
            + Snippet.quoted(text.toString()));
  }

  @Override
  public void close() {
    TraceFiles.close(in);
  }
}
