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
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

  @Property(tries = 300)
  void randomText(@ForAll("formats") TraceFormat f, @ForAll("text") String s) {
    importOnly(s.getBytes(StandardCharsets.UTF_8), f);
  }

  @Property(tries = 400)
  void mutatedValidFiles(@ForAll("formats") TraceFormat f, @ForAll("mutations") List<int[]> edits) {
    byte[] b = valid(f).clone();
    int length = b.length;
    for (int[] e : edits) {
      if (length == 0) {
        break;
      }
      int at = Math.floorMod(e[0], length);
      switch (Math.floorMod(e[1], 3)) {
        case 0 -> b[at] = (byte) e[2];
        case 1 -> length = Math.max(0, at);
        default -> b[at] = (byte) "{}[]\",:-0e9".charAt(Math.floorMod(e[2], 11));
      }
    }
    importOnly(java.util.Arrays.copyOf(b, length), f);
  }

  @Property(tries = 60)
  void hostileStructures(@ForAll("formats") TraceFormat f, @ForAll("hostile") String s) {
    importOnly(s.getBytes(StandardCharsets.UTF_8), f);
  }

  @Provide
  Arbitrary<TraceFormat> formats() {
    return Arbitraries.of(TraceFormat.class);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.strings().withChars("{}[]\",:0123456789abcdef-e.nulltrue ").ofMaxLength(300),
        Arbitraries.strings()
            .withChars("TraceID,SpanID,root\n0123456789abcdef\"")
            .ofMaxLength(300));
  }

  @Provide
  Arbitrary<List<int[]>> mutations() {
    Arbitrary<int[]> edit =
        Combinators.combine(
                Arbitraries.integers(),
                Arbitraries.integers(),
                Arbitraries.integers().between(0, 255))
            .as((a, b, c) -> new int[] {a, b, c});
    return edit.list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> hostile() {
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
    return Arbitraries.of(
        deep, deepObj, huge, negative, cycle, otlpCycle, longNumber, "\u0000".repeat(1000));
  }
}
