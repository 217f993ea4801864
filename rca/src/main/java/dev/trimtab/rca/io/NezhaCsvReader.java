package dev.trimtab.rca.io;

import dev.trimtab.rca.trace.ImportReport;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the span CSV of the Nezha and TraStrainer datasets: {@code TraceID, SpanID, ParentID,
 * PodName, OperationName, StartTimeUnixNano, EndTimeUnixNano, Duration} with a header row, roots
 * having {@code ParentID = root}. The service is the pod name without its two Kubernetes hash
 * suffixes ({@code ts-route-service-b6c59fb57-zv8dt} becomes {@code ts-route-service}). The files
 * carry no status, so no span is an error. Columns are found by header name, in any order; quoted
 * fields ({@code "a,b"}) are allowed. Lines longer than 1 MiB are refused.
 */
public final class NezhaCsvReader {
  static final List<String> COLUMNS =
      List.of(
          "TraceID",
          "SpanID",
          "ParentID",
          "PodName",
          "OperationName",
          "StartTimeUnixNano",
          "EndTimeUnixNano");
  private static final int MAX_LINE = 1 << 20;
  private static final Pattern POD_HASHES = Pattern.compile("-[a-z0-9]{5,10}-[a-z0-9]{5}$");

  private NezhaCsvReader() {}

  /** The service name of a Kubernetes pod name (deployment pods have two hash suffixes). */
  public static String serviceOfPod(String pod) {
    return POD_HASHES.matcher(pod).replaceFirst("");
  }

  static void read(BufferedReader in, String source, TraceAssembler out) throws IOException {
    String header = line(in, source, 1);
    if (header == null) {
      return;
    }
    List<String> names = split(stripBom(header));
    int[] col = new int[COLUMNS.size()];
    for (int i = 0; i < col.length; i++) {
      col[i] = names.indexOf(COLUMNS.get(i));
      if (col[i] < 0) {
        throw new TraceFormatException(
            source, "line 1", "no column " + COLUMNS.get(i) + "; a Nezha span CSV has " + COLUMNS);
      }
    }
    String row;
    for (long n = 2; (row = line(in, source, n)) != null; n++) {
      if (row.isBlank()) {
        continue;
      }
      List<String> f = split(row);
      if (f.size() < names.size()) {
        out.skip(ImportReport.MISSING_FIELD, 1);
        continue;
      }
      String parent = f.get(col[2]);
      out.add(
          f.get(col[0]).toLowerCase(java.util.Locale.ROOT),
          f.get(col[1]).toLowerCase(java.util.Locale.ROOT),
          "root".equals(parent) ? null : parent.toLowerCase(java.util.Locale.ROOT),
          serviceOfPod(f.get(col[3])),
          f.get(col[4]),
          parseLong(f.get(col[5])),
          parseLong(f.get(col[6])),
          false,
          false);
    }
  }

  private static String line(BufferedReader in, String source, long n) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        return b.toString();
      }
      if (c != '\r') {
        b.append((char) c);
      }
      if (b.length() > MAX_LINE) {
        throw new TraceFormatException(source, "line " + n, "longer than " + MAX_LINE + " chars");
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Splits one CSV line; double quotes group commas and {@code ""} is a quote. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
