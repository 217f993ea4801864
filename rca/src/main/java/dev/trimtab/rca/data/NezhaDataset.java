package dev.trimtab.rca.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.io.NezhaCsvReader;
import dev.trimtab.rca.io.TraceFiles;
import dev.trimtab.rca.io.TraceFormat;
import dev.trimtab.rca.io.UserFiles;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a Nezha dataset folder as it is published ({@code fault_list.json}, {@code trace/HH_MM_
 * trace.csv.gz}, {@code baseline/}): one labelled window per injected fault, holding the traces
 * whose root started in the three minutes from the injection; the culprit is the injected pod's
 * service and the fault kind its {@code inject_type}. The reference is every trace of {@code
 * baseline/}. {@code inject_time} is UTC, as the spans are; {@code inject_timestamp} is ignored (it
 * is 8 hours off).
 */
public final class NezhaDataset {
  /** How long after an injection its window lasts: the dataset gives no end time. */
  public static final long WINDOW_NANOS = 180_000_000_000L;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private NezhaDataset() {}

  /** Whether {@code dir} looks like a Nezha dataset folder. */
  public static boolean looksLike(Path dir) {
    return Files.isRegularFile(dir.resolve("fault_list.json"))
        && Files.isDirectory(dir.resolve("trace"));
  }

  public static List<LabelledWindow> load(Path dir, String topology) {
    return load(dir, topology, LoadProgress.NONE);
  }

  /** As above, telling {@code progress} of each window read. */
  public static List<LabelledWindow> load(Path dir, String topology, LoadProgress progress) {
    String src = dir.resolve("fault_list.json").toString();
    JsonNode faults =
        UserFiles.json(dir.resolve("fault_list.json"), 16L << 20, "a Nezha fault_list.json");
    WindowStats reference = WindowStats.of(read(csvFiles(dir.resolve("baseline"))));
    List<LabelledWindow> out = new ArrayList<>();
    if (!faults.isObject()) {
      throw new ConfigException(src, "", "must be an object of hours, each a list of faults");
    }
    var check = faults.fields();
    while (check.hasNext()) {
      var h = check.next();
      if (!h.getValue().isArray()) {
        throw new ConfigException(src, h.getKey(), "must be a list of faults");
      }
      for (int i = 0; i < h.getValue().size(); i++) {
        if (!h.getValue().get(i).isObject()) {
          throw new ConfigException(
              src, h.getKey() + "[" + i + "]", "must be an object with inject_time, ...");
        }
      }
      progress.expect(h.getValue().size());
    }
    var hours = faults.fields();
    while (hours.hasNext()) {
      var hour = hours.next();
      for (int i = 0; i < hour.getValue().size(); i++) {
        JsonNode f = hour.getValue().get(i);
        String at = hour.getKey() + "[" + i + "]";
        LocalDateTime t;
        try {
          t = LocalDateTime.parse(f.path("inject_time").asText(), TIME);
        } catch (RuntimeException e) {
          throw new ConfigException(src, at + ".inject_time", "must be 'yyyy-MM-dd HH:mm:ss'");
        }
        String pod = f.path("inject_pod").asText();
        String kind = f.path("inject_type").asText();
        if (pod.isBlank() || kind.isBlank()) {
          throw new ConfigException(src, at, "needs inject_pod and inject_type");
        }
        long start = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        List<Path> files = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
          LocalDateTime minute = t.plusMinutes(m);
          Path p =
              dir.resolve("trace")
                  .resolve(
                      String.format(
                          "%02d_%02d_trace.csv.gz", minute.getHour(), minute.getMinute()));
          if (Files.isRegularFile(p)) {
            files.add(p);
          }
        }
        List<Trace> traces =
            read(files).stream()
                .filter(
                    tr ->
                        tr.root().startNanos() >= start
                            && tr.root().startNanos() < start + WINDOW_NANOS)
                .toList();
        out.add(
            new LabelledWindow(
                "nezha/" + f.path("inject_time").asText().replace(' ', 'T'),
                topology,
                kind,
                0,
                WINDOW_NANOS / 1e9,
                Set.of(NezhaCsvReader.serviceOfPod(pod)),
                WindowStats.of(traces),
                reference));
        progress.step();
      }
    }
    return out;
  }

  private static List<Trace> read(List<Path> files) {
    return files.isEmpty()
        ? List.of()
        : TraceFiles.read(files, TraceFormat.NEZHA_CSV, ImportLimits.DEFAULT).traces();
  }

  private static List<Path> csvFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().contains(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(dir.toString(), "", "cannot list: " + e.getMessage());
    }
  }
}
