package dev.trimtab.rca.io;

import com.fasterxml.jackson.core.JsonParser;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceBatch;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads trace files of any supported {@link TraceFormat} into traces. The one entry point of the
 * importers: every failure, whatever its cause inside a parser, comes out as a {@link
 * TraceFormatException} naming the file.
 */
public final class TraceFiles {
  private TraceFiles() {}

  /** Reads one file, detecting its format. */
  public static TraceBatch read(Path file) {
    return read(List.of(file), null, ImportLimits.DEFAULT);
  }

  /**
   * Reads several files into one set of traces (a trace may span files, as the Nezha dataset's
   * per-minute files do).
   *
   * @param format the files' format, or null to detect each file's
   */
  public static TraceBatch read(List<Path> files, TraceFormat format, ImportLimits limits) {
    TraceAssembler out =
        new TraceAssembler(files.size() == 1 ? files.get(0).toString() : "traces", limits);
    for (Path f : files) {
      TraceFormat fmt = format != null ? format : detect(f, limits);
      try (InputStream in = LimitedInput.open(f, limits.maxBytes())) {
        read(in, fmt, f.toString(), out);
      } catch (IOException e) {
        throw new TraceFormatException(f.toString(), "", "cannot read: " + e.getMessage(), e);
      }
    }
    return out.assemble();
  }

  /** Reads a stream in a known format into {@code out}; closes nothing. */
  public static void read(InputStream in, TraceFormat format, String source, TraceAssembler out) {
    try {
      switch (format) {
        case NEZHA_CSV ->
            NezhaCsvReader.read(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16),
                source,
                out);
        case OTLP_JSON, JAEGER_JSON, ZIPKIN_JSON -> {
          try (JsonParser p = Json.parser(in, source)) {
            switch (format) {
              case OTLP_JSON -> OtlpJsonReader.read(p, source, out);
              case JAEGER_JSON -> JaegerJsonReader.read(p, source, out);
              default -> ZipkinJsonReader.read(p, source, out);
            }
          }
        }
      }
    } catch (TraceFormatException e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      throw new TraceFormatException(
          source, "", "not valid " + format.id() + ": " + firstLine(e), e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new TraceFormatException(source, "", "cannot read as " + format.id() + ": " + e, e);
    }
  }

  /** The format of {@code file}, from its first bytes (and its name for CSV). */
  public static TraceFormat detect(Path file, ImportLimits limits) {
    byte[] head = new byte[8192];
    int n = 0;
    try (InputStream in = LimitedInput.open(file, limits.maxBytes())) {
      int r;
      while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
        n += r;
      }
    } catch (IOException e) {
      throw new TraceFormatException(file.toString(), "", "cannot read: " + e.getMessage(), e);
    }
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      throw new TraceFormatException(
          file.toString(),
          "",
          "is gzip-compressed but its name does not end in .gz; rename it or gunzip it");
    }
    if (binary(head, n)) {
      throw new TraceFormatException(
          file.toString(),
          "",
          "is binary, not a trace file; formats (text, optionally gzipped as .gz): "
              + TraceFormat.ids());
    }
    TraceFormat f = detect(new String(head, 0, n, StandardCharsets.UTF_8));
    if (f == null) {
      throw new TraceFormatException(
          file.toString(), "", "not a trace file Trimtab knows; formats: " + TraceFormat.ids());
    }
    return f;
  }

  /** NUL bytes or invalid UTF-8 (a cut multi-byte character at the end is forgiven). */
  static boolean binary(byte[] head, int n) {
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    int end = n;
    for (int k = 0; k < 3 && end > 0 && (head[end - 1] & 0xC0) == 0x80; k++) {
      end--;
    }
    if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
      end--;
    }
    return UserFiles.utf8(java.util.Arrays.copyOf(head, end)) == null;
  }

  /** The format a file starting with {@code head} has, or null. */
  static TraceFormat detect(String head) {
    String s = head.stripLeading();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    if (s.startsWith("TraceID,") || s.contains("\nTraceID,") || s.startsWith("\"TraceID\"")) {
      return TraceFormat.NEZHA_CSV;
    }
    if (s.startsWith("{")) {
      int otlp = indexOr(s, "\"resourceSpans\"");
      int jaeger = Math.min(indexOr(s, "\"data\""), indexOr(s, "\"traceID\""));
      if (otlp == Integer.MAX_VALUE && jaeger == Integer.MAX_VALUE) {
        return null;
      }
      return otlp < jaeger ? TraceFormat.OTLP_JSON : TraceFormat.JAEGER_JSON;
    }
    if (s.startsWith("[")) {
      return s.contains("\"traceID\"") || s.contains("\"spanID\"")
          ? TraceFormat.JAEGER_JSON
          : TraceFormat.ZIPKIN_JSON;
    }
    return null;
  }

  private static int indexOr(String s, String needle) {
    int i = s.indexOf(needle);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
