package dev.trimtab.env.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuDvfsFitTest {
  private static final String HEADER =
      "frequency(MHz),757,825,885,952,1012,1080,1140,1207,1275,1335,1402,1462,1530";

  @Test
  void fitOnMeasuredV100DataMeetsTheStatedErrorBounds() {
    List<GpuDvfsFit> fits = fitShared();
    assertEquals(33, fits.size());
    // Measured: overall power 0.96 %, performance 2.31 %; worst power 1.76 % (ViT_b),
    // worst performance 5.13 % (FDTD, whose throughput plateaus above 952 MHz).
    assertTrue(GpuDvfsFit.overallPowerMapePercent(fits) <= 1.0);
    assertTrue(GpuDvfsFit.overallPerformanceMapePercent(fits) <= 2.4);
    for (GpuDvfsFit f : fits) {
      String name = f.model().name();
      assertTrue(f.powerMapePercent() <= 1.8, name);
      assertTrue(f.performanceMapePercent() <= (name.equals("FDTD") ? 5.2 : 5.0), name);
    }
  }

  @Test
  void refitReproducesTheBundledProfiles() {
    List<GpuDvfsFit> fits = fitShared();
    List<GpuDvfsFit> shipped = GpuProfiles.bundled().fits();
    assertEquals(shipped.size(), fits.size());
    for (int i = 0; i < fits.size(); i++) {
      GpuDvfsModel a = fits.get(i).model();
      GpuDvfsModel b = shipped.get(i).model();
      String n = b.name();
      assertEquals(b.name(), a.name());
      // The resource keeps 4-6 decimals; tolerances are a few units of the last kept digit.
      assertEquals(b.maxFreqMHz(), a.maxFreqMHz(), 1e-9, n);
      assertEquals(b.computeBoundFraction(), a.computeBoundFraction(), 1e-5, n);
      assertEquals(b.staticPowerW(), a.staticPowerW(), 1e-3, n);
      assertEquals(b.dynamicPowerAtMaxW(), a.dynamicPowerAtMaxW(), 1e-3, n);
      assertEquals(b.powerExponent(), a.powerExponent(), 1e-4, n);
      assertEquals(shipped.get(i).powerMapePercent(), fits.get(i).powerMapePercent(), 1e-3, n);
    }
  }

  @Test
  void levelsAreTheDatasetFrequencies() throws IOException {
    String header = Files.readAllLines(SharedData.require("gpu/v100-dvfs-power.csv")).get(0);
    assertEquals(HEADER, header);
  }

  @Test
  void fitRecoversKnownParametersFromSyntheticData(@TempDir Path dir) throws IOException {
    GpuDvfsModel truth = new GpuDvfsModel("synthetic", 1530, 0.42, 60, 120, 2.7);
    writeGrid(dir, truth);
    GpuDvfsFit fit = GpuDvfsModel.fit(dir.resolve("power.csv"), dir.resolve("perf.csv")).get(0);
    // Noise-free data: the search must land on the generating parameters.
    assertEquals(0.42, fit.model().computeBoundFraction(), 1e-6);
    assertEquals(2.7, fit.model().powerExponent(), 1e-4);
    assertEquals(60, fit.model().staticPowerW(), 1e-3);
    assertEquals(120, fit.model().dynamicPowerAtMaxW(), 1e-3);
    assertTrue(fit.powerMapePercent() < 1e-4 && fit.performanceMapePercent() < 1e-4);
  }

  @Test
  void malformedGridsRaiseConfigExceptionsNamingLineAndColumn(@TempDir Path dir)
      throws IOException {
    Path good = dir.resolve("good.csv");
    Files.writeString(good, HEADER + "\nA" + ",1".repeat(13) + "\n");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, HEADER + "\nA,1,1,x" + ",1".repeat(10) + "\n");
    ConfigException e = assertThrows(ConfigException.class, () -> GpuDvfsData.read(bad, good));
    assertTrue(e.getMessage().contains("line 2, column 4") && e.getMessage().contains("'x'"));
    Path shortRow = dir.resolve("short.csv");
    Files.writeString(shortRow, HEADER + "\nA,1,2\n");
    e = assertThrows(ConfigException.class, () -> GpuDvfsData.read(good, shortRow));
    assertTrue(e.getMessage().contains("expected a name then 13 numbers"));
    Path otherFreqs = dir.resolve("freqs.csv");
    Files.writeString(otherFreqs, HEADER.replace("757", "700") + "\nA" + ",1".repeat(13) + "\n");
    e = assertThrows(ConfigException.class, () -> GpuDvfsData.read(good, otherFreqs));
    assertTrue(e.getMessage().startsWith(otherFreqs.toString()));
    assertThrows(ConfigException.class, () -> GpuDvfsData.read(dir.resolve("none.csv"), good));
  }

  private static List<GpuDvfsFit> fitShared() {
    Path power = SharedData.require("gpu/v100-dvfs-power.csv");
    return GpuDvfsModel.fit(power, power.resolveSibling("v100-dvfs-performance.csv"));
  }

  private static void writeGrid(Path dir, GpuDvfsModel m) throws IOException {
    StringBuilder power = new StringBuilder(HEADER + "\nW");
    StringBuilder perf = new StringBuilder(HEADER + "\nW");
    for (int i = 0; i < GpuDvfsModel.levelCount(); i++) {
      double f = GpuDvfsModel.level(i);
      power.append(String.format(Locale.ROOT, ",%.12f", m.powerW(f)));
      perf.append(String.format(Locale.ROOT, ",%.12f", m.relativePerformance(f)));
    }
    Files.writeString(dir.resolve("power.csv"), power + "\n");
    Files.writeString(dir.resolve("perf.csv"), perf + "\n");
  }
}
