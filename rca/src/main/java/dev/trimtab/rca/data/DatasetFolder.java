package dev.trimtab.rca.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.io.TelemetryFiles;
import dev.trimtab.rca.io.TraceFiles;
import dev.trimtab.rca.io.UserFiles;
import dev.trimtab.rca.telemetry.Drain;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.telemetry.WindowSignals;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.Trace;
import dev.trimtab.rca.trace.TraceFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a labelled dataset folder ({@code docs/formats/rca-dataset.md}): a {@code labels.json}
 * naming, per case, a reference and labelled windows, each a list of trace files in any format
 * {@link TraceFiles} reads. A Nezha dataset folder is read as published ({@link NezhaDataset}).
 */
public final class DatasetFolder {
  public static final String FORMAT = "trimtab-rca-dataset";
  public static final int VERSION = 1;

  /** The largest labels.json read. */
  public static final long MAX_LABELS_BYTES = 16L << 20;

  private DatasetFolder() {}

  /** Every labelled window of the folder, whichever of the two layouts it has. */
  public static List<LabelledWindow> load(Path dir) {
    return load(dir, LoadProgress.NONE);
  }

  /** As above, telling {@code progress} of each window read. */
  public static List<LabelledWindow> load(Path dir, LoadProgress progress) {
    if (NezhaDataset.looksLike(dir)) {
      try {
        return NezhaDataset.load(dir, NezhaDataset.application(dir), progress);
      } catch (TraceFormatException e) {
        throw new ConfigException(e.source(), e.where(), e.problem());
      }
    }
    Path labels = dir.resolve("labels.json");
    if (!Files.isRegularFile(labels)) {
      throw new ConfigException(
          dir.toString(),
          "",
          "neither a dataset folder (labels.json) nor a Nezha folder"
              + " (fault_list.json and trace/)");
    }
    String src = labels.toString();
    JsonNode root = UserFiles.json(labels, MAX_LABELS_BYTES, "labels.json (JSON)");
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new ConfigException(src, "format", "must be \"" + FORMAT + "\"");
    }
    if (root.path("version").asInt(-1) != VERSION) {
      throw new ConfigException(src, "version", "must be " + VERSION);
    }
    JsonNode cases = root.path("cases");
    if (!cases.isArray() || cases.isEmpty()) {
      throw new ConfigException(src, "cases", "must be a non-empty list");
    }
    List<LabelledWindow> out = new ArrayList<>();
    for (JsonNode k : cases) {
      progress.expect(k.path("windows").size());
    }
    for (int c = 0; c < cases.size(); c++) {
      JsonNode k = cases.get(c);
      String at = "cases[" + c + "]";
      String name = required(k, "name", src, at);
      String topology = required(k, "topology", src, at);
      Drain drain = Drain.defaults();
      WindowStats ref =
          WindowStats.of(traces(dir, k.path("reference"), src, at + ".reference"))
              .withSignals(
                  signals(
                      dir,
                      k.path("reference_metrics"),
                      k.path("reference_logs"),
                      drain,
                      k.path("reference_s").asDouble(0),
                      src,
                      at + ".reference"));
      JsonNode windows = k.path("windows");
      if (!windows.isArray() || windows.isEmpty()) {
        throw new ConfigException(src, at + ".windows", "must be a non-empty list");
      }
      for (int w = 0; w < windows.size(); w++) {
        JsonNode win = windows.get(w);
        String wat = at + ".windows[" + w + "]";
        Set<String> culprits = new LinkedHashSet<>();
        win.path("culprits").forEach(x -> culprits.add(x.asText()));
        String kind =
            win.path("fault_kind").asText(culprits.isEmpty() ? LabelledWindow.NO_FAULT : "");
        if (kind.isBlank()) {
          throw new ConfigException(src, wat + ".fault_kind", "required when there are culprits");
        }
        out.add(
            new LabelledWindow(
                name,
                topology,
                kind,
                win.path("start_s").asDouble(0),
                win.path("end_s").asDouble(0),
                culprits,
                WindowStats.of(traces(dir, win.path("traces"), src, wat + ".traces"))
                    .withSignals(
                        signals(
                            dir,
                            win.path("metrics"),
                            win.path("logs"),
                            drain,
                            win.path("end_s").asDouble(0) - win.path("start_s").asDouble(0),
                            src,
                            wat)),
                ref));
        progress.step();
      }
    }
    return out;
  }

  /**
   * The metrics and logs of the files listed (either list may be absent), taken whole as one period
   * of {@code seconds} (else of the span of the logs' times).
   */
  private static WindowSignals signals(
      Path dir,
      JsonNode metricFiles,
      JsonNode logFiles,
      Drain drain,
      double seconds,
      String src,
      String at) {
    if (metricFiles.isMissingNode() && logFiles.isMissingNode()) {
      return WindowSignals.NONE;
    }
    MetricSeries.Builder m = new MetricSeries.Builder();
    LogEvents.Builder l = new LogEvents.Builder(drain);
    try {
      if (!metricFiles.isMissingNode()) {
        TelemetryFiles.readMetrics(
            files(dir, metricFiles, src, at + ".metrics"), ImportLimits.DEFAULT, m);
      }
      if (!logFiles.isMissingNode()) {
        TelemetryFiles.readLogs(files(dir, logFiles, src, at + ".logs"), ImportLimits.DEFAULT, l);
      }
    } catch (TraceFormatException e) {
      throw new ConfigException(e.source(), e.where(), e.problem());
    }
    LogEvents logs = l.build();
    WindowSignals w = WindowSignals.of(m.build(), logs, Long.MIN_VALUE, Long.MAX_VALUE);
    double d = seconds;
    if (!(d > 0) && !logs.isEmpty()) {
      d = (logs.latestBefore(Long.MAX_VALUE) - logs.earliestAtOrAfter(Long.MIN_VALUE)) / 1e9;
    }
    return new WindowSignals(
        Math.max(0, d), w.hasMetrics(), !logFiles.isMissingNode(), w.services());
  }

  private static List<Path> files(Path dir, JsonNode files, String src, String at) {
    if (!files.isArray() || files.isEmpty()) {
      throw new ConfigException(src, at, "must be a non-empty list of files");
    }
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (!files.get(i).isTextual()) {
        throw new ConfigException(src, at + "[" + i + "]", "must be a file name");
      }
      Path p = dir.resolve(files.get(i).asText()).normalize();
      if (!Files.isRegularFile(p)) {
        throw new ConfigException(src, at + "[" + i + "]", "no such file " + p);
      }
      paths.add(p);
    }
    return paths;
  }

  private static List<Trace> traces(Path dir, JsonNode files, String src, String at) {
    if (!files.isArray() || files.isEmpty()) {
      throw new ConfigException(src, at, "must be a non-empty list of trace files");
    }
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path p = dir.resolve(files.get(i).asText()).normalize();
      if (!Files.isRegularFile(p)) {
        throw new ConfigException(src, at + "[" + i + "]", "no such file " + p);
      }
      paths.add(p);
    }
    try {
      return TraceFiles.read(paths, null, ImportLimits.DEFAULT).traces();
    } catch (TraceFormatException e) {
      throw new ConfigException(e.source(), e.where(), e.problem());
    }
  }

  private static String required(JsonNode n, String f, String src, String at) {
    String v = n.path(f).asText("");
    if (v.isBlank()) {
      throw new ConfigException(src, at + "." + f, "required, a non-blank string");
    }
    return v;
  }
}
