package dev.trimtab.env.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.testdata.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traces that ship in the jar: named like files, and equal to the data they were cut from. */
class BundledTracesTest {
  @TempDir Path dir;

  @Test
  void aBundledTraceIsNamedWhereAFileGoesAndKeepsItsFormat() {
    assertEquals(
        List.of("azure-llm-code-2023", "azure-llm-conv-2023", "nasa-1995-week1"),
        BundledTraces.names());
    // a bundled name wins even where the working folder has no such file
    WorkloadSpec nasa =
        WorkloadLoader.parseSpec("trace:file=nasa-1995-week1,target-rate=500,smoothing=60", dir);
    assertEquals(500, nasa.meanRatePerS(600), 1e-9);
    assertTrue(nasa.describe().contains("nasa-1995-week1.rps.gz"), nasa.describe());
    WorkloadSpec conv = WorkloadLoader.parseSpec("trace:file=azure-llm-conv-2023", dir);
    assertEquals(TraceFormat.CSV, ((TraceWorkload) conv).format());
  }

  @Test
  void anUnknownNameListsTheBundledTraces() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> WorkloadLoader.parseSpec("trace:file=nasa-1996", dir));
    assertEquals("file", e.field());
    assertTrue(
        e.getMessage().contains("nor a bundled trace (azure-llm-code-2023,"), e.getMessage());
  }

  /** The NASA week is the first 604,800 seconds of the full trace, value for value. */
  @Test
  void theNasaWeekIsTheFullTracesFirstWeek() throws IOException {
    long[] full = counts(SharedData.require("workloads/nasa-1995-rps.txt.gz"), 604_800);
    long[] week = counts(BundledTraces.file("nasa-1995-week1").orElseThrow(), Long.MAX_VALUE);
    assertEquals(604_800, week.length);
    assertArrayEquals(full, week);
    assertEquals(567_785, Arrays.stream(week).sum());
  }

  /** The Azure traces ship whole: byte for byte the files they came from. */
  @Test
  void theAzureTracesAreTheFilesTheyCameFrom() throws IOException {
    assertArrayEquals(
        Files.readAllBytes(SharedData.require("workloads/azure-llm-inference-2023-conv.csv.gz")),
        Files.readAllBytes(BundledTraces.file("azure-llm-conv-2023").orElseThrow()));
    assertArrayEquals(
        Files.readAllBytes(SharedData.require("workloads/azure-llm-inference-2023-code.csv.gz")),
        Files.readAllBytes(BundledTraces.file("azure-llm-code-2023").orElseThrow()));
  }

  private static long[] counts(Path gzip, long limit) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return Arrays.stream(text.strip().split("\\s+"))
          .limit(limit)
          .mapToLong(Long::parseLong)
          .toArray();
    }
  }
}
