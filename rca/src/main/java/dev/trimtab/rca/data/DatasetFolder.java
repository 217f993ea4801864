package dev.trimtab.rca.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.io.TraceFiles;
import dev.trimtab.rca.io.UserFiles;
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
      return NezhaDataset.load(dir, "train-ticket", progress);
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
      WindowStats ref = WindowStats.of(traces(dir, k.path("reference"), src, at + ".reference"));
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
                WindowStats.of(traces(dir, win.path("traces"), src, wat + ".traces")),
                ref));
        progress.step();
      }
    }
    return out;
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
