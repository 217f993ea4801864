package dev.trimtab.env.workload;

import dev.trimtab.env.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    this.in = TraceFiles.open(file);
    if (!readLine()) {
      close();
      throw new ConfigException(source, "", "empty file; expected a CSV header row");
    }
    header = List.of(new String(line, 0, lineLength, StandardCharsets.UTF_8).trim().split(",", -1));
    timeColumn = columns.timestamp();
    timeIndex = column(columns.timestamp(), "trace.timestampColumn");
    promptIndex = column(columns.promptTokens(), "trace.promptTokensColumn");
    outputIndex = column(columns.outputTokens(), "trace.outputTokensColumn");
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
      close();
      throw new ConfigException(
          source, field, "no column '" + name + "'; the header has: " + String.join(", ", header));
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
      throw error(timeColumn, timeIndex, "is not a timestamp; " + TimestampParser.EXPECTED);
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
      throw error(header.get(index), index, "is empty; expected a non-negative integer");
    }
    for (int i = from; i < to; i++) {
      int d = line[i] - '0';
      if (d < 0 || d > 9 || value > Integer.MAX_VALUE) {
        throw error(header.get(index), index, "is not a non-negative integer token count");
      }
      value = value * 10 + d;
    }
    if (value > Integer.MAX_VALUE) {
      throw error(header.get(index), index, "is too large for a token count");
    }
    return (int) value;
  }

  private ConfigException error(String column, int index, String problem) {
    String text =
        new String(line, starts[index], ends[index] - starts[index], StandardCharsets.UTF_8);
    return new ConfigException(
        source, column + " (line " + lineNumber + ")", "'" + text + "' " + problem);
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
        throw new UncheckedIOException("cannot read trace " + source, e);
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
