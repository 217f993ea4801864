package dev.trimtab.rca.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever bytes an importer is given, it ends quickly and throws nothing but {@link
 * TraceFormatException}: random text, valid files cut short or with bytes changed, and hostile
 * structures (deep nesting, huge numbers, cycles).
 */
class ImporterFuzzTest {
  private static final ImportLimits LIMITS = new ImportLimits(1 << 20, 100_000, 10_000, 1L << 40);

  static void importOnly(byte[] bytes, TraceFormat f) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try {
            TraceAssembler a = new TraceAssembler("fuzz", LIMITS);
            TraceFiles.read(new ByteArrayInputStream(bytes), f, "fuzz", a);
            a.assemble();
          } catch (TraceFormatException expected) {
            // the one error type allowed
          }
        });
  }

  static byte[] valid(TraceFormat f) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TraceWriter.write(out, f, FormatsTest.sample());
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixed seed: a failure reproduces exactly; the cases are many and cheap. */
  private static final long SEED = 20_261_123L;

  private static final TraceFormat[] FORMATS = TraceFormat.values();

  @Test
  void randomText() {
    SplittableRandom r = new SplittableRandom(SEED);
    String json = "{}[]\",:0123456789abcdef-e.nulltrue ";
    String csv = "TraceID,SpanID,root\n0123456789abcdef\"";
    for (int i = 0; i < 300; i++) {
      TraceFormat f = FORMATS[r.nextInt(FORMATS.length)];
      int length = r.nextInt(301);
      String s =
          switch (r.nextInt(3)) {
            case 0 -> anyChars(r, length);
            case 1 -> fromAlphabet(r, json, length);
            default -> fromAlphabet(r, csv, length);
          };
      importOnly(s.getBytes(StandardCharsets.UTF_8), f);
    }
  }

  @Test
  void mutatedValidFiles() {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    for (int i = 0; i < 400; i++) {
      TraceFormat f = FORMATS[r.nextInt(FORMATS.length)];
      byte[] b = valid(f).clone();
      int length = b.length;
      int edits = 1 + r.nextInt(8);
      for (int e = 0; e < edits && length > 0; e++) {
        int at = r.nextInt(length);
        switch (r.nextInt(3)) {
          case 0 -> b[at] = (byte) r.nextInt(256);
          case 1 -> length = at;
          default -> b[at] = (byte) "{}[]\",:-0e9".charAt(r.nextInt(11));
        }
      }
      importOnly(Arrays.copyOf(b, length), f);
    }
  }

  @Test
  void hostileStructures() {
    for (TraceFormat f : FORMATS) {
      for (String s : hostile()) {
        importOnly(s.getBytes(StandardCharsets.UTF_8), f);
      }
    }
  }

  private static String anyChars(SplittableRandom r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      // mostly printable, some control characters, some beyond ASCII
      int kind = r.nextInt(10);
      b.append(
          (char)
              (kind < 7 ? 32 + r.nextInt(95) : kind < 8 ? r.nextInt(32) : 128 + r.nextInt(0xD000)));
    }
    return b.toString();
  }

  private static String fromAlphabet(SplittableRandom r, String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static List<String> hostile() {
    int depth = 100_000;
    String deep = "[".repeat(depth) + "]".repeat(depth);
    String deepObj = "{\"data\":" + "[".repeat(depth);
    String huge =
        "{\"data\":[{\"traceID\":\"1\",\"spans\":[{\"traceID\":\"1\",\"spanID\":\"2\","
            + "\"startTime\":9223372036854775807,\"duration\":9223372036854775807,"
            + "\"processID\":\"p\"}],\"processes\":{\"p\":{\"serviceName\":\"s\"}}}]}";
    String negative =
        "[{\"traceId\":\"1\",\"id\":\"2\",\"timestamp\":100,\"duration\":-50,"
            + "\"localEndpoint\":{\"serviceName\":\"s\"}}]";
    String cycle =
        "TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano\n"
            + "t,a,b,p,o,1,2\nt,b,a,p,o,1,2\nt,c,c,p,o,1,2\n";
    String otlpCycle =
        "{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"spans\":["
            + "{\"traceId\":\"01\",\"spanId\":\"0a\",\"parentSpanId\":\"0b\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"},"
            + "{\"traceId\":\"01\",\"spanId\":\"0b\",\"parentSpanId\":\"0a\",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}]}]}]}";
    String longNumber =
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"startTimeUnixNano\":"
            + "9".repeat(5000)
            + "}]}]}]}";
    return List.of(
        deep, deepObj, huge, negative, cycle, otlpCycle, longNumber, "\u0000".repeat(1000));
  }
}
