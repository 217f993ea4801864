package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --carbon-start} places a run in a carbon series: a run inside one constant stretch of the
 * series writes the same carbon, byte for byte, as a run with that constant.
 */
class CarbonStartTest {
  @TempDir Path dir;

  private Cli sim(String out, String duration, String... carbon) {
    String[] base = {
      "sim",
      "--topology",
      "hotel-reservation",
      "--workload",
      "poisson:rate=20",
      "--duration",
      duration,
      "--interval",
      "60s",
      "--seed",
      "4",
      "-q",
      "--out",
      dir.resolve(out).toString()
    };
    String[] args = new String[base.length + carbon.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(carbon, 0, args, base.length, carbon.length);
    return Cli.run(args);
  }

  private byte[] bytes(String out, String file) throws IOException {
    return Files.readAllBytes(dir.resolve(out).resolve(file));
  }

  @Test
  void aStartInsideTheSeriesEqualsItsConstantThere() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("ci.csv"),
            "Time,Carbon Intensity\n2020-07-01 00:00:00,100\n2020-07-01 01:00:00,300\n"
                + "2020-07-01 02:00:00,50\n");
    Cli second =
        sim("second", "600s", "--carbon", csv.toString(), "--carbon-start", "2020-07-01T01:00:00Z");
    assertEquals(0, second.status(), second.err());
    assertEquals("", second.err());
    assertEquals(0, sim("three-hundred", "600s", "--carbon", "300").status());
    assertArrayEquals(bytes("three-hundred", "metrics.csv"), bytes("second", "metrics.csv"));
    assertArrayEquals(bytes("three-hundred", "summary.json"), bytes("second", "summary.json"));

    assertEquals(0, sim("first", "600s", "--carbon", csv.toString()).status());
    assertEquals(0, sim("hundred", "600s", "--carbon", "100").status());
    assertArrayEquals(bytes("hundred", "summary.json"), bytes("first", "summary.json"));
    assertFalse(
        new String(bytes("first", "summary.json"))
            .equals(new String(bytes("second", "summary.json"))));
  }

  @Test
  void aRunPastTheSeriesEndSaysTheLastValueHolds() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("ci.csv"),
            "Time,Carbon Intensity\n2020-07-01 00:00:00,100\n2020-07-01 01:00:00,300\n");
    Cli late =
        sim("late", "7200s", "--carbon", csv.toString(), "--carbon-start", "2020-07-01 00:30:00");
    assertEquals(0, late.status(), late.err());
    assertEquals(
        "trimtab: note: the run outlasts --carbon "
            + csv
            + ", whose last sample is at 2020-07-01T01:00:00Z; that sample's intensity holds after"
            + " it\n",
        late.err());
    assertTrue(Files.exists(dir.resolve("late").resolve("summary.json")));
  }
}
