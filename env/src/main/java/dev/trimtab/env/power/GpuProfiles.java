package dev.trimtab.env.power;

import dev.trimtab.env.config.ConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named GPU profiles: the bundled per-workload V100 fits ({@value #RESOURCE}) plus aliases for the
 * roles the simulator needs. Loaded once, then read-only.
 */
final class GpuProfiles {
  static final String RESOURCE = "v100-dvfs-profiles.csv";

  static final List<String> HEADER =
      List.of(
          "workload",
          "maxFreqMHz",
          "computeBoundFraction",
          "staticPowerW",
          "dynamicPowerAtMaxW",
          "powerExponent",
          "powerMapePercent",
          "performanceMapePercent");

  /** Aliases: role -> dataset workload. Documented in docs/power.md. */
  static final Map<String, String> ALIASES =
      orderedMap("dnn-inference", "ResN50", "compute-bound", "GeMM", "memory-bound", "BWtest");

  private final Map<String, GpuDvfsFit> byName;

  private GpuProfiles(Map<String, GpuDvfsFit> byName) {
    this.byName = byName;
  }

  private static final class Holder {
    static final GpuProfiles BUNDLED = load();
  }

  static GpuProfiles bundled() {
    return Holder.BUNDLED;
  }

  GpuDvfsModel get(String name) {
    GpuDvfsFit fit = byName.get(ALIASES.getOrDefault(name, name));
    if (fit == null) {
      throw new IllegalArgumentException(
          "unknown GPU profile '" + name + "'; known: " + String.join(", ", names()));
    }
    return fit.model();
  }

  /** The bundled fits, including their measured errors, in dataset order. */
  List<GpuDvfsFit> fits() {
    return List.copyOf(byName.values());
  }

  Set<String> names() {
    Set<String> names = new LinkedHashSet<>(ALIASES.keySet());
    names.addAll(byName.keySet());
    return Collections.unmodifiableSet(names);
  }

  private static GpuProfiles load() {
    try (InputStream in = GpuProfiles.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled resource " + RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(RESOURCE, reader.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GpuProfiles parse(String source, List<String> lines) {
    Map<String, GpuDvfsFit> byName = new LinkedHashMap<>();
    boolean headerSeen = false;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = List.of(line.split(",", -1));
      if (!headerSeen) {
        if (!cells.equals(HEADER)) {
          throw new ConfigException(source, "line " + (n + 1), "header must be " + HEADER);
        }
        headerSeen = true;
        continue;
      }
      byName.put(cells.get(0), row(source, n + 1, cells));
    }
    return new GpuProfiles(Collections.unmodifiableMap(byName));
  }

  private static GpuDvfsFit row(String source, int line, List<String> cells) {
    if (cells.size() != HEADER.size()) {
      throw new ConfigException(source, "line " + line, "expected " + HEADER.size() + " cells");
    }
    double[] v = new double[cells.size() - 1];
    for (int i = 1; i < cells.size(); i++) {
      try {
        v[i - 1] = Double.parseDouble(cells.get(i));
      } catch (NumberFormatException e) {
        throw new ConfigException(
            source,
            "line " + line + ", " + HEADER.get(i),
            "'" + cells.get(i) + "' is not a number");
      }
    }
    try {
      GpuDvfsModel m = new GpuDvfsModel(cells.get(0), v[0], v[1], v[2], v[3], v[4]);
      return new GpuDvfsFit(m, v[5], v[6]);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, "line " + line, e.getMessage());
    }
  }

  /** The CSV text {@link #parse} reads back, with a provenance comment. */
  static String format(List<GpuDvfsFit> fits) {
    StringBuilder out = new StringBuilder();
    out.append("# GPU DVFS profiles fitted to zyjopensource/GPU-DVFS-Dataset (NVIDIA V100,\n")
        .append("# 33 workloads x 13 SM frequencies). Regenerate with\n")
        .append("# dev.trimtab.env.power.GpuDvfsFitMain --write; see docs/power.md.\n")
        .append(String.join(",", HEADER))
        .append('\n');
    for (GpuDvfsFit f : fits) {
      GpuDvfsModel m = f.model();
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "%s,%.1f,%.6f,%.4f,%.4f,%.5f,%.3f,%.3f%n",
              m.name(),
              m.maxFreqMHz(),
              m.computeBoundFraction(),
              m.staticPowerW(),
              m.dynamicPowerAtMaxW(),
              m.powerExponent(),
              f.powerMapePercent(),
              f.performanceMapePercent()));
    }
    return out.toString();
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
