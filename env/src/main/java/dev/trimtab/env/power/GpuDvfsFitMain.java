package dev.trimtab.env.power;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fits the GPU DVFS model to the V100 dataset and prints the per-workload parameters and errors as
 * a Markdown table (the one in docs/power.md).
 *
 * <p>Usage: {@code java -cp env/target/classes dev.trimtab.env.power.GpuDvfsFitMain [DATA_DIR]
 * [--write FILE]}; DATA_DIR holds {@code v100-dvfs-power.csv} and {@code v100-dvfs-performance.csv}
 * (default {@code ../shared/data/gpu}); {@code --write} also writes the profiles CSV that is
 * bundled as a resource.
 */
public final class GpuDvfsFitMain {
  private GpuDvfsFitMain() {}

  public static void main(String[] args) throws IOException {
    Path dir =
        Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/data/gpu");
    List<GpuDvfsFit> fits =
        GpuDvfsModel.fit(
            dir.resolve("v100-dvfs-power.csv"), dir.resolve("v100-dvfs-performance.csv"));
    System.out.println(table(fits));
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--write")) {
        Files.writeString(Path.of(args[i + 1]), GpuProfiles.format(fits), StandardCharsets.UTF_8);
      }
    }
  }

  static String table(List<GpuDvfsFit> fits) {
    StringBuilder out = new StringBuilder();
    out.append(
            "| workload | alpha | P0 (W) | dyn at fmax (W) | gamma | power MAPE % | perf MAPE % |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (GpuDvfsFit f : fits) {
      GpuDvfsModel m = f.model();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.1f | %.1f | %.2f | %.2f | %.2f |%n",
              m.name(),
              m.computeBoundFraction(),
              m.staticPowerW(),
              m.dynamicPowerAtMaxW(),
              m.powerExponent(),
              f.powerMapePercent(),
              f.performanceMapePercent()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "| **all %d** | | | | | **%.2f** (max %.2f) | **%.2f** (max %.2f) |%n",
            fits.size(),
            GpuDvfsFit.overallPowerMapePercent(fits),
            fits.stream().mapToDouble(GpuDvfsFit::powerMapePercent).max().orElse(Double.NaN),
            GpuDvfsFit.overallPerformanceMapePercent(fits),
            fits.stream()
                .mapToDouble(GpuDvfsFit::performanceMapePercent)
                .max()
                .orElse(Double.NaN)));
    return out.toString();
  }
}
