package dev.trimtab.env.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.testdata.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarbonCsvTest {
  @TempDir Path dir;

  @Test
  void readsTheRealGbFile() {
    CarbonIntensitySeries gb = CarbonIntensity.read(SharedData.require("carbon/gb-2020-ci.csv.gz"));
    // Reference figures computed independently with Python (gzip + csv + datetime, UTC):
    // 21980 rows, 2019-12-20 00:00:00 = 1576800000 s, span 33435000 s to 2021-01-09 23:30:00,
    // unweighted mean 217.6079042107256, time-weighted mean over the span 214.49914007429305,
    // time-weighted mean over the first day 234.4801313546056.
    assertEquals(21980, gb.size());
    assertEquals(1576800000L, gb.firstEpochS());
    assertEquals(33435000.0, gb.spanS());
    assertEquals(120.99546661944396, gb.sampleGPerKWh(0));
    assertEquals(259.10496059694674, gb.sampleGPerKWh(gb.size() - 1));
    double sum = 0;
    for (int k = 0; k < gb.size(); k++) {
      sum += gb.sampleGPerKWh(k);
    }
    assertEquals(217.6079042107256, sum / gb.size(), 1e-9);
    assertEquals(214.49914007429305, gb.meanGPerKWh(0, gb.spanS()), 1e-9);
    assertEquals(234.4801313546056, gb.meanGPerKWh(0, 86_400), 1e-9);
    // A day in, with a one-day offset, equals two days in without.
    assertEquals(gb.gPerKWhAt(2 * 86_400), gb.withOffset(86_400).gPerKWhAt(86_400));
  }

  @Test
  void customColumnsGzipAndTimeFormats() throws IOException {
    Path gz = dir.resolve("ci.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(
          ("region,\"ts\",gco2\nGB,2024-01-01T00:00:00Z,100\nGB,2024-01-01T01:00:00+01:00,999\n"
                  + "GB,1704070800,300\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    // Row 2 is 00:00 UTC, the same instant as row 1: not strictly increasing.
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> CarbonIntensity.read(gz, new CarbonCsv.Options("ts", "gco2")));
    assertTrue(e.getMessage().contains("line 3, column 'ts'"), e.getMessage());

    Path plain =
        write(
            "ts,gco2\n2024-01-01T00:00:00Z,100\n2024-01-01T02:00:00+01:00,200\n"
                + "1704074400,300\n");
    CarbonIntensitySeries s = CarbonIntensity.read(plain, new CarbonCsv.Options("ts", "gco2"));
    // 00:00Z, then 01:00Z, then 1704074400 = 02:00Z (1704067200 is 2024-01-01T00:00Z).
    assertEquals(3, s.size());
    assertEquals(3600.0, s.sampleTimeS(1));
    assertEquals(7200.0, s.sampleTimeS(2));
    assertEquals(200.0, s.gPerKWhAt(3600));
  }

  /**
   * Hand-computed: samples 100 (00:00Z), 200 (01:00Z), 300 (02:00Z). Starting at 00:30Z, the first
   * simulated hour is 1800 s at 100 and 1800 s at 200, mean 150; an hour from there, 1800 s at 200
   * and 1800 s at 300, mean 250; the last value holds after the last sample.
   */
  @Test
  void aSeriesStartsAtAnyInstantWithinIt() throws IOException {
    CarbonIntensitySeries s =
        CarbonIntensity.read(
            write(
                "Time,Carbon Intensity\n2024-01-01 00:00:00,100\n2024-01-01 01:00:00,200\n"
                    + "2024-01-01 02:00:00,300\n"));
    CarbonIntensitySeries half = s.startingAt(CarbonCsv.parseTime("2024-01-01T00:30:00Z"));
    assertEquals(1800.0, half.offsetS());
    assertEquals(100.0, half.gPerKWhAt(0));
    assertEquals(150.0, half.meanGPerKWh(0, 3600), 1e-12);
    assertEquals(250.0, half.meanGPerKWh(3600, 7200), 1e-12);
    assertEquals(300.0, half.gPerKWhAt(10_000));
    assertEquals(300.0, s.startingAt(CarbonCsv.parseTime("2024-01-01T02:00:00Z")).gPerKWhAt(0));
    assertEquals(100.0, s.startingAt(s.firstEpochS()).gPerKWhAt(0));
    assertEquals(CarbonCsv.parseTime("2024-01-01T02:00:00Z"), s.lastEpochS());

    IllegalArgumentException before =
        assertThrows(
            IllegalArgumentException.class,
            () -> s.startingAt(CarbonCsv.parseTime("2023-12-31T23:59:59Z")));
    assertEquals(
        "2023-12-31T23:59:59Z is outside the series, which runs from 2024-01-01T00:00:00Z to"
            + " 2024-01-01T02:00:00Z",
        before.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> s.startingAt(CarbonCsv.parseTime("2024-01-01T02:00:01Z")));
  }

  @Test
  void timesParseInEveryFormTheFileTakes() {
    long t = 1593604800L; // 2020-07-01T12:00:00Z
    assertEquals(t, CarbonCsv.parseTime("2020-07-01T12:00:00Z"));
    assertEquals(t, CarbonCsv.parseTime("2020-07-01T13:00:00+01:00"));
    assertEquals(t, CarbonCsv.parseTime("2020-07-01 12:00:00"));
    assertEquals(t, CarbonCsv.parseTime("2020-07-01T12:00:00"));
    assertEquals(t, CarbonCsv.parseTime("1593604800"));
    for (String bad : new String[] {"", "July", "2020-07-01", "1e300", "NaN", "12.5"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CarbonCsv.parseTime(bad), bad);
      assertTrue(e.getMessage().contains("is not a time; allowed:"), e.getMessage());
    }
  }

  @Test
  void badFilesNameTheFileLineFieldAndWhatIsAllowed() throws IOException {
    assertBad(write(""), "line 1", "empty file");
    assertBad(
        write("Time,Intensity\n2020-01-01 00:00:00,1\n"), "line 1", "no column 'Carbon Intensity'");
    assertBad(write("Time,Carbon Intensity\n"), "line 2", "no data rows");
    assertBad(
        write("Time,Carbon Intensity\n2020-01-01 00:00:00,1\n2020-01-01 00:30:00,abc\n"),
        "line 3, column 'Carbon Intensity'",
        "finite number >= 0");
    assertBad(
        write("Time,Carbon Intensity\n2020-01-01 00:00:00,-5\n"),
        "line 2, column 'Carbon Intensity'",
        "'-5'");
    assertBad(
        write("Time,Carbon Intensity\n2020-13-01 00:00:00,5\n"),
        "line 2, column 'Time'",
        "is not a time");
    assertBad(write("Time,Carbon Intensity\n2020-01-01 00:00:00\n"), "line 2", "cells");
    assertBad(dir.resolve("missing.csv"), "", "no such file");
    Path png = dir.resolve("ci.png.csv");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
    assertBad(
        png, "", "expected a carbon-intensity CSV (plain or gzip) (UTF-8 text); got a PNG image");
    Path zipped = dir.resolve("ci.zip");
    Files.write(zipped, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
    assertBad(zipped, "", "got a ZIP archive (or a JAR)");
  }

  private void assertBad(Path file, String field, String problem) {
    ConfigException e = assertThrows(ConfigException.class, () -> CarbonIntensity.read(file));
    assertEquals(file.toString(), e.source());
    assertTrue(e.getMessage().contains(field) && e.getMessage().contains(problem), e.getMessage());
  }

  private int files;

  private Path write(String text) throws IOException {
    Path p = dir.resolve("ci-" + files++ + ".csv");
    Files.writeString(p, text);
    return p;
  }
}
