package dev.trimtab.env.workload;

import static dev.trimtab.env.workload.Arrivals.countsPerWindow;
import static dev.trimtab.env.workload.Arrivals.mean;
import static dev.trimtab.env.workload.Arrivals.variance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.testdata.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace replay against hand-made files (exact) and the NASA trace (target mean rate). */
class TraceReplayTest {
  private static final long[] COUNTS = {3, 0, 2, 5, 1, 0, 0, 7};
  private static final String RPS_TEXT = "3 0 2\n5 1\t0  0\r\n7\n";
  private static final String CSV_TEXT =
      """
      TIMESTAMP,ContextTokens,GeneratedTokens
      2023-11-16T18:15:46.5+01:00,10,20
      2023-11-16T17:15:47.25Z,11,21
      2023-11-16 17:15:49.0000001,12,22
      2023-11-16T19:16:00.125+02:00,13,23
      2023-11-16T12:16:00.125-05:00,14,24
      """;
  private static final double[] CSV_MS = {0, 750, 2500.0001, 13_625, 13_625};

  @TempDir Path dir;

  private Path write(String name, String text, boolean gzip) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static TraceWorkload rps(Path file, WorkloadOptions options, boolean loop) {
    return TraceWorkload.of(file, TraceFormat.RPS, loop, CsvColumns.AZURE, options);
  }

  @Test
  void perSecondReplayReproducesExactCountsPlainAndGzip() throws IOException {
    // the gzip file has a name that does not say gzip: detection is by magic bytes
    for (Path file :
        List.of(write("rps.txt", RPS_TEXT, false), write("rps-gz.txt", RPS_TEXT, true))) {
      TraceWorkload trace = rps(file, WorkloadOptions.DEFAULTS, false);
      assertEquals(8, trace.stats().lengthS());
      assertEquals(18, trace.stats().arrivals());
      assertArrayEquals(COUNTS, countsPerWindow(trace, 1, 1.0, 8), file.toString());
      assertEquals(18, drain(trace, 1).size(), "the stream ends at the trace's end");
    }
  }

  @Test
  void perSecondLoopRepeatsTheWindowFromTheOffset() throws IOException {
    Path file = write("rps.txt", RPS_TEXT, false);
    WorkloadOptions offset = new WorkloadOptions(1, Double.NaN, 3, 1, 15, Map.of());
    long[] counts = countsPerWindow(rps(file, offset, true), 2, 1.0, 15);
    assertArrayEquals(new long[] {5, 1, 0, 0, 7, 5, 1, 0, 0, 7, 5, 1, 0, 0, 7}, counts);
  }

  @Test
  void scaledPerSecondCountsArePoissonWithMeanCountTimesScale() throws IOException {
    Path file = write("flat.txt", "50 ".repeat(2000), false);
    WorkloadOptions half = WorkloadOptions.DEFAULTS.withScale(0.5, Double.NaN);
    long[] counts = countsPerWindow(rps(file, half, false), 3, 1.0, 2000);
    // Poisson(25): standard error of the mean 0.11, of the dispersion sqrt(2 / 2000) = 0.032
    assertEquals(25, mean(counts), 0.6);
    assertEquals(1.0, variance(counts) / mean(counts), 0.16);
  }

  @Test
  void csvReplayReproducesExactTimesAcrossZonesAndTokenCounts() throws IOException {
    for (boolean gzip : new boolean[] {false, true}) {
      Path file = write(gzip ? "t.csv.gz" : "t.csv", CSV_TEXT, gzip);
      TraceWorkload trace =
          TraceWorkload.of(
              file, TraceFormat.CSV, false, CsvColumns.AZURE, WorkloadOptions.DEFAULTS);
      try (ArrivalStream stream = trace.open(new SplittableRandom(1))) {
        for (int i = 0; i < CSV_MS.length; i++) {
          assertEquals(CSV_MS[i], stream.nextArrivalMs(), 1e-6);
          assertEquals(10 + i, stream.promptTokens());
          assertEquals(20 + i, stream.outputTokens());
        }
        assertEquals(Double.POSITIVE_INFINITY, stream.nextArrivalMs());
      }
    }
  }

  @Test
  void offsetAndCompressionTransformTraceTimesExactly() throws IOException {
    Path file = write("t.csv", CSV_TEXT, false);
    WorkloadOptions options = new WorkloadOptions(1, Double.NaN, 0.5, 4, 1e9, Map.of());
    TraceWorkload trace = TraceWorkload.of(file, TraceFormat.CSV, false, CsvColumns.AZURE, options);
    List<Double> times = drain(trace, 1);
    assertEquals(CSV_MS.length - 1, times.size(), "the row at 0 s is before the offset");
    for (int i = 1; i < CSV_MS.length; i++) {
      assertEquals((CSV_MS[i] - 500) / 4, times.get(i - 1), 1e-6);
    }
  }

  @Test
  void csvScaleReplicatesRowsInOrderWithTheirTokens() throws IOException {
    StringBuilder text = new StringBuilder("TIMESTAMP,ContextTokens,GeneratedTokens\n");
    for (int i = 0; i < 4000; i++) {
      text.append(String.format("%.3f,%d,%d%n", i * 0.25, i, 2 * i));
    }
    Path file = write("seconds.csv", text.toString(), false);
    WorkloadOptions scaled = WorkloadOptions.DEFAULTS.withScale(2.5, Double.NaN);
    TraceWorkload trace = TraceWorkload.of(file, TraceFormat.CSV, false, CsvColumns.AZURE, scaled);
    int n = 0;
    double previousMs = 0;
    try (ArrivalStream stream = trace.open(new SplittableRandom(5))) {
      for (double ms = stream.nextArrivalMs();
          ms < Double.POSITIVE_INFINITY;
          ms = stream.nextArrivalMs()) {
        assertTrue(ms >= previousMs);
        int row = stream.promptTokens();
        assertTrue(ms >= row * 250 && ms <= (row + 1) * 250, "copy stays before the next row");
        assertEquals(2 * row, stream.outputTokens());
        previousMs = ms;
        n++;
      }
    }
    // 4000 rows x 2.5; copies per row are 2 or 3 (sd 0.5): sd of the total 32
    assertEquals(10_000, n, 160);
  }

  @Test
  void targetMeanRateOnTheNasaTraceIsMetWithinTwoPercent() {
    Path nasa = SharedData.require("workloads/nasa-1995-rps.txt.gz");
    WorkloadSpec trace =
        WorkloadLoader.parseSpec(
            "trace:file=" + nasa + ",target-rate=500,duration=600", Path.of("."));
    long[] counts = countsPerWindow(trace, 7, 600.0, 1);
    // about 300,000 arrivals: Poisson standard error 0.2%
    assertEquals(500, counts[0] / 600.0, 0.02 * 500);
    assertEquals(500, trace.meanRatePerS(600), 1e-9);
    assertTrue(trace.describe().contains("to 500 req/s"), trace.describe());
  }

  @Test
  void traceStreamsAreDeterministicPerSeed() throws IOException {
    Path file = write("rps.txt", RPS_TEXT, false);
    TraceWorkload trace = rps(file, WorkloadOptions.DEFAULTS, true);
    double[] a = SyntheticWorkloadTest.first(trace, 11, 200);
    assertArrayEquals(a, SyntheticWorkloadTest.first(trace, 11, 200));
    assertFalse(Arrays.equals(a, SyntheticWorkloadTest.first(trace, 12, 200)));
  }

  private static List<Double> drain(Workload workload, long seed) {
    List<Double> out = new ArrayList<>();
    try (ArrivalStream stream = workload.open(new SplittableRandom(seed))) {
      for (double ms = stream.nextArrivalMs();
          ms < Double.POSITIVE_INFINITY;
          ms = stream.nextArrivalMs()) {
        out.add(ms);
      }
    }
    return out;
  }

  @Test
  void smoothingTurnsASparseTraceIntoItsMovingAverageRate() throws IOException {
    // Counts alternate 0, 10: the mean is 5 per second. Scaled x50 without smoothing, seconds
    // alternate between silence and Poisson(500); smoothed over 2 s every second after the first
    // is Poisson(250): mean 250, index of dispersion 1.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append(i % 2 == 0 ? "0 " : "10 ");
    }
    Path file = write("alternating.txt", text.toString(), false);
    WorkloadOptions x50 = WorkloadLoader.parseSpec("poisson:rate=1,scale=50", dir).options();
    TraceWorkload smooth = TraceWorkload.of(file, TraceFormat.RPS, false, 2, CsvColumns.AZURE, x50);
    long[] counts = Arrays.copyOfRange(countsPerWindow(smooth, 3, 1, 1000), 1, 1000);
    // 999 windows: standard error of the mean 0.5, of the dispersion index 0.045.
    assertEquals(250, mean(counts), 2.5);
    assertEquals(1, variance(counts) / mean(counts), 0.25);
    long[] raw = countsPerWindow(rps(file, x50, false), 3, 1, 1000);
    assertEquals(0, raw[0]);
    assertTrue(variance(raw) / mean(raw) > 100, "unsmoothed seconds alternate 0 and ~500");
  }
}
