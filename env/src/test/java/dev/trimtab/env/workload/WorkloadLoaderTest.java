package dev.trimtab.env.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML files and one-line specs bind to the same records; bad input names file, field, allowed. */
class WorkloadLoaderTest {
  @TempDir Path dir;

  private Path yaml(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void yamlAndSpecGiveEqualRecords() throws IOException {
    Path file =
        yaml(
            "w.yaml",
            """
            kind: flash-crowd
            flash-crowd: {baseRatePerS: 100, peakMultiple: 5, startS: 120, rampS: 10, holdS: 60, decayS: 30}
            durationS: 600
            mix: {read-home-timeline: 60, compose-post: 10}
            """);
    WorkloadSpec fromFile = WorkloadLoader.load(file);
    WorkloadSpec fromSpec =
        WorkloadLoader.parseSpec(
            "flash-crowd:base=100,peak=5,start=120,ramp=10,hold=60,decay=30,duration=600,"
                + "mix=read-home-timeline:60/compose-post:10",
            dir);
    assertEquals(fromFile, fromSpec);
    assertEquals(
        List.of("read-home-timeline", "compose-post"), List.copyOf(fromFile.mix().keySet()));
    assertEquals(Map.of("read-home-timeline", 60.0, "compose-post", 10.0), fromFile.mix());
  }

  @Test
  void everyBriefSpecParses() {
    assertEquals(
        200, ((PoissonWorkload) WorkloadLoader.parseSpec("poisson:rate=200", dir)).ratePerS());
    DiurnalWorkload d =
        (DiurnalWorkload) WorkloadLoader.parseSpec("diurnal:min=50,max=400,period=3600", dir);
    assertEquals(3600, d.periodS());
    MmppWorkload m =
        (MmppWorkload) WorkloadLoader.parseSpec("mmpp:rates=100/800,sojourn=30/5", dir);
    assertEquals(List.of(100.0, 800.0), m.ratesPerS());
    assertEquals(200, m.stationaryRatePerS(), 1e-9);
  }

  @Test
  void relativeTracePathsResolveAgainstTheYamlFolderAndTargetRateSetsTheScale() throws IOException {
    Files.createDirectories(dir.resolve("traces"));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("traces/r.txt.gz")))) {
      out.write("1 2 3 4".getBytes(StandardCharsets.UTF_8));
    }
    Files.createDirectories(dir.resolve("conf"));
    Path file =
        yaml(
            "conf/w.yaml",
            "kind: trace\ntrace: {file: ../traces/r.txt.gz}\ntargetMeanRatePerS: 25\n"
                + "timeCompression: 2\n");
    TraceWorkload trace = assertInstanceOf(TraceWorkload.class, WorkloadLoader.load(file));
    assertEquals(TraceFormat.RPS, trace.format());
    // mean 2.5 per trace second, twice as fast: scale = 25 / (2 x 2.5) = 5
    assertEquals(5, trace.options().rateScale(), 1e-12);
  }

  @Test
  void resolvePrefersAnExistingFileThenASpec() throws IOException {
    yaml("poisson:rate=5", "kind: poisson\npoisson: {ratePerS: 7}\n");
    assertEquals(7, ((PoissonWorkload) WorkloadLoader.resolve("poisson:rate=5", dir)).ratePerS());
    assertEquals(9, ((PoissonWorkload) WorkloadLoader.resolve("poisson:rate=9", dir)).ratePerS());
    ConfigException e =
        assertThrows(ConfigException.class, () -> WorkloadLoader.resolve("nope.yaml", dir));
    assertTrue(e.getMessage().contains("nope.yaml") && e.getMessage().contains("poisson, diurnal"));
  }

  /** Each case: YAML text, expected field, and words the message must hold. */
  @Test
  void badFilesNameTheFileTheFieldAndWhatIsAllowed() throws IOException {
    Files.writeString(dir.resolve("bad.txt"), "1 2\n3 x7 4\n");
    Files.writeString(
        dir.resolve("bad.csv"),
        "TIMESTAMP,ContextTokens\n2023-11-16 18:15:46,3\n" + "2023-13-16 18:15:47,4\n");
    Files.writeString(dir.resolve("nocol.csv"), "time,tokens\n1.5,3\n");
    String[][] cases = {
      {
        "kind: poison\npoisson: {ratePerS: 1}\n",
        "kind",
        "poisson, diurnal, mmpp, flash-crowd, trace"
      },
      {
        "kind: poisson\npoisson: {ratePerS: 1}\nrate: 3\n",
        "rate",
        "allowed fields here: kind, poisson"
      },
      {
        "kind: poisson\npoisson: {ratePerS: -5}\n",
        "poisson.ratePerS",
        "expected a number of req/s in (0, 1000000]; got the number -5"
      },
      {"kind: poisson\npoisson: {ratePerS: fast}\n", "poisson.ratePerS", "got the string \"fast\""},
      {
        "kind: diurnal\ndiurnal: {minRatePerS: 400, maxRatePerS: 50}\n",
        "diurnal.maxRatePerS",
        ">= minRatePerS"
      },
      {
        "kind: mmpp\nmmpp: {ratesPerS: [1, 2], meanSojournS: [1]}\n",
        "mmpp.meanSojournS",
        "one entry per state"
      },
      {
        "kind: mmpp\nmmpp: {ratesPerS: [1, -2], meanSojournS: [1, 1]}\n",
        "mmpp.ratesPerS[1]",
        "expected a number of req/s in [0, 1000000]; got the number -2"
      },
      {"kind: trace\ntrace: {file: missing.txt.gz}\n", "trace.file", "missing.txt.gz"},
      {"kind: trace\ntrace: {file: bad.txt}\n", "line 2, number 4", "got \"x7\""},
      {"kind: trace\ntrace: {file: bad.csv}\n", "TIMESTAMP (line 3)", "2023-13-16"},
      {
        "kind: trace\ntrace: {file: nocol.csv}\n",
        "trace.timestampColumn",
        "a column of the header (time, tokens); got \"TIMESTAMP\""
      },
      {
        "kind: trace\ntrace: {file: bad.txt, format: json}\n",
        "trace.format",
        "expected one of rps, csv; got the string \"json\""
      },
      {
        "kind: trace\ntrace: {file: nocol.csv, timestampColumn: time}\nstartOffsetS: 9\n",
        "startOffsetS",
        "not before the end"
      },
      {
        "kind: poisson\npoisson: {ratePerS: 1}\nrateScale: 2\ntargetMeanRatePerS: 3\n",
        "targetMeanRatePerS",
        "not both"
      },
      {
        "kind: poisson\npoisson: {ratePerS: 1}\ntimeCompression: 0\n",
        "timeCompression",
        "expected a factor in [0.001, 100000]; got the number 0"
      },
      {
        "kind: poisson\npoisson: {ratePerS: 1}\nmix: {a: 0}\n",
        "mix.a",
        "expected a weight in (0, 1000000000]; got the number 0"
      },
      {"kind: poisson\nkind: mmpp\n", "kind", "duplicate key at line 2 (first at line 1)"},
    };
    for (String[] c : cases) {
      Path file = yaml("case.yaml", c[0]);
      ConfigException e =
          assertThrows(ConfigException.class, () -> WorkloadLoader.load(file), c[0]);
      assertEquals(c[1], e.field(), e.getMessage());
      assertTrue(e.getMessage().contains(c[2]), e.getMessage());
      boolean namesTraceFile = e.source().endsWith(".txt") || e.source().endsWith(".csv");
      assertTrue(namesTraceFile || e.source().equals(file.toString()), e.getMessage());
    }
  }

  /** Each case: spec, the spec key named, and the message's end. */
  @Test
  void absurdNumbersAreRefusedWithTheFieldTheValueAndTheRange() {
    String[][] cases = {
      {
        "poisson:rate=1e12",
        "rate",
        "expected a number of req/s in (0, 1000000]; got the number" + " 1000000000000"
      },
      {"poisson:rate=NaN", "rate", "got the number NaN"},
      {"poisson:rate=-Infinity", "rate", "got the number -Infinity"},
      {
        "flash-crowd:base=100,peak=1e9,start=0,hold=10",
        "peak",
        "expected a factor in (0, 1000]; got the number 1000000000"
      },
      {
        "flash-crowd:base=10000,peak=1000,start=0,hold=10",
        "peak",
        "expected a simulated peak rate of at most 1000000 req/s; got 10000000 req/s (the"
            + " pattern's peak 10000000 req/s x rateScale 1 x timeCompression 1)"
      },
      {
        "poisson:rate=1000,scale=10000",
        "scale",
        "expected a simulated peak rate of at most 1000000 req/s; got 10000000 req/s"
      },
      {"diurnal:min=0,max=900000,compression=2", "compression", "got 1800000 req/s"},
      {"mmpp:rates=1/2000000,sojourn=1/1", "rates[1]", "[0, 1000000]; got the number 2000000"},
      {"poisson:rate=1,duration=1e12", "duration", "(0, 315360000]; got the number 1000000000000"},
      {"poisson:rate=1,offset=-1", "offset", "[0, 315360000]; got the number -1"},
      {"poisson:rate=1,rate=2", "rate", "duplicate key"},
      {"poisson:rate=1,mix=a:1/a:2", "mix.a", "duplicate endpoint"},
    };
    for (String[] c : cases) {
      ConfigException e =
          assertThrows(ConfigException.class, () -> WorkloadLoader.parseSpec(c[0], dir), c[0]);
      assertEquals(c[1], e.field(), e.getMessage());
      assertTrue(e.getMessage().contains(c[2]), e.getMessage());
      assertTrue(e.getMessage().startsWith("workload spec '" + c[0] + "': field '"));
    }
  }

  @Test
  void aTraceScaledPastTheRateLimitIsRefusedAtLoad() throws IOException {
    Files.writeString(dir.resolve("r.txt"), "10 20 5000 30\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> WorkloadLoader.parseSpec("trace:file=r.txt,scale=500", dir));
    assertEquals("scale", e.field());
    assertTrue(
        e.getMessage().contains("got 2500000 req/s (the pattern's peak 5000 req/s x rateScale 500"),
        e.getMessage());
    TraceWorkload ok = (TraceWorkload) WorkloadLoader.parseSpec("trace:file=r.txt,scale=200", dir);
    assertEquals(5000, ok.stats().peakSecondArrivals());
  }

  @Test
  void binaryAndGzipTracesSayWhatTheyAre() throws IOException {
    Files.write(dir.resolve("img.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    ConfigException png =
        assertThrows(
            ConfigException.class, () -> WorkloadLoader.parseSpec("trace:file=img.txt", dir));
    assertTrue(png.getMessage().endsWith("(UTF-8 text); got a PNG image"), png.getMessage());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("z.csv.gz")))) {
      out.write(new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    }
    ConfigException zipInGzip =
        assertThrows(
            ConfigException.class, () -> WorkloadLoader.parseSpec("trace:file=z.csv.gz", dir));
    assertTrue(
        zipInGzip
            .getMessage()
            .endsWith("got gzip-compressed data holding a ZIP archive (or a JAR)"),
        zipInGzip.getMessage());
    Files.write(dir.resolve("w.yaml"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
    ConfigException yaml =
        assertThrows(ConfigException.class, () -> WorkloadLoader.load(dir.resolve("w.yaml")));
    assertTrue(
        yaml.getMessage()
            .endsWith("expected a workload YAML file (UTF-8 text); got gzip-compressed data"),
        yaml.getMessage());
  }

  @Test
  void badSpecsNameTheSpecAndItsOwnKeys() {
    String[][] cases = {
      {"poison:rate=1", "kind", "expected one of poisson, diurnal"},
      {"poisson:speed=1", "speed", "rate, scale, target-rate"},
      {"poisson:rate=abc", "rate", "got the string \"abc\""},
      {"poisson", "rate", "required"},
      {"mmpp:rates=1/-2,sojourn=1/1", "rates[1]", "[0, 1000000]; got the number -2"},
      {"trace:file=nowhere.gz", "file", "no such file"},
      {"poisson:rate=1,mix=a", "mix", "endpoint:weight"},
    };
    for (String[] c : cases) {
      ConfigException e =
          assertThrows(ConfigException.class, () -> WorkloadLoader.parseSpec(c[0], dir), c[0]);
      assertEquals("workload spec '" + c[0] + "'", e.source());
      assertEquals(c[1], e.field(), e.getMessage());
      assertTrue(e.getMessage().contains(c[2]), e.getMessage());
    }
  }
}
