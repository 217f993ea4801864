package dev.trimtab.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalCsvTest {
  @TempDir Path dir;

  @Test
  void serviceRowFollowsTheHeaderColumnByColumn() {
    String row = IntervalCsv.serviceRow(1.0, Samples.frontend());
    assertEquals(
        "1.000,frontend,2,1,0.500,512.0,100,98,1,1,1.234500,0.6250,0.7500,12.250,3.500,9.750,"
            + "20.125,4,0.2500,1530,12.500,12.500,0.001563,1024.0",
        row);
    assertEquals(
        IntervalCsv.METRICS_HEADER.split(",").length, row.split(",").length, "one cell a column");
  }

  @Test
  void endpointRowWritesInfiniteSloLatencyAsInf() {
    String row = IntervalCsv.endpointRow(2.5, Samples.composePost());
    assertEquals("2.500,compose-post,50,45,5,10.500,99.250,inf,true,0.8750", row);
    assertEquals(IntervalCsv.ENDPOINTS_HEADER.split(",").length, row.split(",").length);
  }

  @Test
  void namesWithCommasOrQuotesAreQuoted() {
    assertEquals("plain", IntervalCsv.csvText("plain"));
    assertEquals("\"a,b\"", IntervalCsv.csvText("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", IntervalCsv.csvText("say \"hi\""));
  }

  @Test
  void filesHoldHeaderThenOneRowPerIntervalPerServiceAndEndpoint() throws IOException {
    write(dir);
    List<String> metrics = Files.readAllLines(dir.resolve(IntervalCsv.METRICS_FILE));
    List<String> endpoints = Files.readAllLines(dir.resolve(IntervalCsv.ENDPOINTS_FILE));
    assertEquals(IntervalCsv.METRICS_HEADER, metrics.get(0));
    assertEquals(1 + 2 * 2, metrics.size(), "header + 2 intervals x 2 services");
    assertTrue(metrics.get(3).startsWith("2.000,frontend,"), metrics.get(3));
    assertEquals(IntervalCsv.ENDPOINTS_HEADER, endpoints.get(0));
    assertEquals(
        "1.000,read-timeline,50,50,0,2.500,7.500,6.000,false,1.0000",
        endpoints.get(2),
        "attainment 1 when the SLO holds and none is given");
    assertEquals(1 + 2 * 2, endpoints.size());
  }

  @Test
  void equalInputGivesByteIdenticalFiles() throws IOException {
    Path a = Files.createDirectory(dir.resolve("a"));
    Path b = Files.createDirectory(dir.resolve("b"));
    write(a);
    write(b);
    for (String name : List.of(IntervalCsv.METRICS_FILE, IntervalCsv.ENDPOINTS_FILE)) {
      assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)));
    }
  }

  @Test
  void committedFilesLeaveNoTemporaryFileBehind() throws IOException {
    write(dir);
    assertEquals(
        List.of(IntervalCsv.ENDPOINTS_FILE, IntervalCsv.METRICS_FILE), names(dir), "only targets");
  }

  @Test
  void aRunThatFailsBeforeCommitLeavesNothing() throws IOException {
    try (IntervalCsv csv = IntervalCsv.open(dir)) {
      csv.append(Samples.interval(0, 1000));
    }
    assertEquals(List.of(), names(dir));
    assertFalse(Files.exists(dir.resolve(IntervalCsv.METRICS_FILE)));
  }

  @Test
  void atomicWriteReplacesAnOldFileWhole() throws IOException {
    Path target = dir.resolve("summary.json");
    AtomicFile.write(target, "old, longer text\n");
    AtomicFile.write(target, "new\n");
    assertEquals("new\n", Files.readString(target));
    assertEquals(List.of("summary.json"), names(dir));
  }

  private static void write(Path into) throws IOException {
    try (IntervalCsv csv = IntervalCsv.open(into)) {
      csv.append(Samples.interval(0, 1000));
      csv.append(Samples.interval(1000, 2000));
      csv.commit();
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
