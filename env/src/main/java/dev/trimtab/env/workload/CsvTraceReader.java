package dev.trimtab.env.workload;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.Snippet;
import dev.trimtab.env.config.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the rows of a CSV request trace (header first; no quoted fields) from a reusable byte
 * buffer. Each row yields its time in seconds after the first row's and its token counts; nothing
 * is allocated per row.
 */
final class CsvTraceReader implements AutoCloseable {
  /** Longest line, in bytes. */
  static final int MAX_LINE_BYTES = 1 << 20;

  /** Largest token count of one request. */
  static final int MAX_TOKENS = 10_000_000;

  private static final String TOKENS = "in [0, " + MAX_TOKENS + "]";
  private static final String EXPECTED =
      "a CSV request trace (a header row, then one row per request; plain or gzip)";

  private final String source;
  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private int lineLength;
  private long lineNumber;
  private final List<String> header;
  private final String timeColumn;
  private final int timeIndex;
  private final int promptIndex;
  private final int outputIndex;
  private final int[] starts;
  private final int[] ends;
  private final TimestampParser time = new TimestampParser();
  private boolean first = true;
  private long firstSecond;
  private long firstNano;
  private double relS;
  private int promptTokens;
  private int outputTokens;

  CsvTraceReader(Path file, CsvColumns columns) {
    this.source = file.toString();
    this.in = TraceFiles.open(file, EXPECTED);
    try {
      if (!readLine()) {
        throw new ConfigException(source, "", "expected " + EXPECTED + "; got an empty file");
      }
      header =
          List.of(new String(line, 0, lineLength, StandardCharsets.UTF_8).trim().split(",", -1));
      timeColumn = columns.timestamp();
      timeIndex = column(columns.timestamp(), "trace.timestampColumn");
      promptIndex = column(columns.promptTokens(), "trace.promptTokensColumn");
      outputIndex = column(columns.outputTokens(), "trace.outputTokensColumn");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    starts = new int[header.size()];
    ends = new int[header.size()];
  }

  /** The header's column names. */
  List<String> header() {
    return header;
  }

  private int column(String name, String field) {
    if (name == null) {
      return -1;
    }
    int index = header.indexOf(name);
    if (index < 0) {
      throw new ConfigException(
          source,
          field,
          "expected a column of the header ("
              + String.join(", ", header)
              + "); got "
              + Snippet.quoted(name));
    }
    return index;
  }

  /** Reads the next row; false at the end of the file. */
  boolean next() {
    do {
      if (!readLine()) {
        return false;
      }
    } while (lineLength == 0);
    split();
    time.parse(line, starts[timeIndex], ends[timeIndex]);
    if (time.failed()) {
      throw error(timeColumn, timeIndex, "expected " + TimestampParser.EXPECTED);
    }
    if (first) {
      first = false;
      firstSecond = time.epochSecond();
      firstNano = time.nano();
    }
    relS = (time.epochSecond() - firstSecond) + (time.nano() - firstNano) / 1e9;
    promptTokens = promptIndex < 0 ? 0 : tokens(promptIndex);
    outputTokens = outputIndex < 0 ? 0 : tokens(outputIndex);
    return true;
  }

  private void split() {
    Arrays.fill(starts, -1);
    int field = 0;
    starts[0] = 0;
    for (int i = 0; i <= lineLength && field < starts.length; i++) {
      if (i == lineLength || line[i] == ',') {
        ends[field] = i;
        if (++field < starts.length) {
          starts[field] = i + 1;
        }
      }
    }
    if (field < starts.length) {
      throw new ConfigException(
          source,
          "line " + lineNumber,
          "has " + field + " fields; the header has " + starts.length);
    }
  }

  private int tokens(int index) {
    long value = 0;
    int from = starts[index];
    int to = ends[index];
    if (from == to) {
      throw error(header.get(index), index, "expected a token count (an integer " + TOKENS + ")");
    }
    for (int i = from; i < to; i++) {
      int d = line[i] - '0';
      if (d < 0 || d > 9) {
        throw error(header.get(index), index, "expected a token count (an integer " + TOKENS + ")");
      }
      value = value * 10 + d;
      if (value > MAX_TOKENS) {
        throw error(header.get(index), index, "expected a token count " + TOKENS);
      }
    }
    return (int) value;
  }

  /** {@code COLUMN (line N): EXPECTED; got "CELL"}, the cell shown printable and cut. */
  private ConfigException error(String column, int index, String expected) {
    String text =
        new String(line, starts[index], ends[index] - starts[index], StandardCharsets.UTF_8);
    return new ConfigException(
        source, column + " (line " + lineNumber + ")", expected + "; got " + Snippet.quoted(text));
  }

  double relS() {
    return relS;
  }

  int promptTokens() {
    return promptTokens;
  }

  int outputTokens() {
    return outputTokens;
  }

  long lineNumber() {
    return lineNumber;
  }

  /** Reads one line (without its \n or \r\n) into {@code line}; false at the end of the file. */
  private boolean readLine() {
    lineLength = 0;
    int b = read();
    if (b < 0) {
      return false;
    }
    lineNumber++;
    while (b >= 0 && b != '\n') {
      if (lineLength == MAX_LINE_BYTES) {
        throw new ConfigException(
            source,
            "line " + lineNumber,
            "expected a line of at most " + MAX_LINE_BYTES + " bytes; got a longer one");
      }
      if (lineLength == line.length) {
        line = Arrays.copyOf(line, line.length * 2);
      }
      line[lineLength++] = (byte) b;
      b = read();
    }
    if (lineLength > 0 && line[lineLength - 1] == '\r') {
      lineLength--;
    }
    return true;
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

  @Override
  public void close() {
    TraceFiles.close(in);
  }
}
