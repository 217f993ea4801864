package dev.trimtab.rca.io;

import dev.trimtab.rca.trace.TraceFormatException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: double quotes group commas and line breaks, {@code ""} is a quote)
 * one at a time, refusing a record longer than a bound so that a file without line breaks or with
 * an unclosed quote ends in an error, not in memory exhaustion.
 */
final class CsvRecords {
  private final Reader in;
  private final String source;
  private final int maxChars;
  private long line = 1;
  private long recordLine;
  private boolean eof;

  CsvRecords(Reader in, String source, int maxChars) {
    this.in = in;
    this.source = source;
    this.maxChars = maxChars;
  }

  /** The line the last record started on. */
  long line() {
    return recordLine;
  }

  /** The next record's fields, or null at the end. Blank lines are skipped. */
  List<String> next() throws IOException {
    while (!eof) {
      recordLine = line;
      List<String> f = record();
      if (f != null && !(f.size() == 1 && f.get(0).isBlank())) {
        return f;
      }
    }
    return null;
  }

  private List<String> record() throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    int chars = 0;
    int c;
    boolean any = false;
    while ((c = in.read()) >= 0) {
      any = true;
      if (++chars > maxChars) {
        throw new TraceFormatException(
            source,
            "line " + recordLine,
            quoted
                ? "a quoted field runs over " + maxChars + " characters (an unclosed quote?)"
                : "a record longer than " + maxChars + " characters");
      }
      if (c == '\n') {
        line++;
      }
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int d = in.read();
          if (d == '"') {
            cur.append('"');
          } else {
            quoted = false;
            if (d >= 0) {
              in.reset();
            }
          }
        } else {
          cur.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else if (c == '\n') {
        out.add(cur.toString());
        return out;
      } else if (c != '\r') {
        cur.append((char) c);
      }
    }
    eof = true;
    if (quoted) {
      throw new TraceFormatException(source, "line " + recordLine, "the file ends inside a quote");
    }
    if (!any) {
      return null;
    }
    out.add(cur.toString());
    return out;
  }

  /** {@code s} without a leading byte-order mark. */
  static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
