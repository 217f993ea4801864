package dev.trimtab.rca.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.io.NezhaCsvReader;
import dev.trimtab.rca.io.TelemetryFiles;
import dev.trimtab.rca.io.TraceFiles;
import dev.trimtab.rca.io.TraceFormat;
import dev.trimtab.rca.io.UserFiles;
import dev.trimtab.rca.telemetry.Drain;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.telemetry.WindowSignals;
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
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a Nezha dataset folder as it is published ({@code fault_list.json}, {@code trace/HH_MM_
 * trace.csv.gz}, {@code baseline/}, and where present {@code metric/} and {@code log/}): one
 * labelled window per injected fault, holding the traces whose root started in the three minutes
 * from the injection; the culprit is the injected pod's service and the fault kind its {@code
 * inject_type}. {@code inject_time} is UTC, as the spans are; {@code inject_timestamp} is ignored.
 *
 * <p>References, chosen by time alone: for traces, every trace of {@code baseline/}; for metrics
 * and logs, the {@link #LEAD_IN_NANOS} before the window (what an analyser has when an alarm fires:
 * the published logs cover only the minutes around each fault). The application is named from the
 * folder ({@link #application}).
 */
public final class NezhaDataset {
  /** How long after an injection its window lasts: the dataset gives no end time. */
  public static final long WINDOW_NANOS = 180_000_000_000L;

  /** The period before a window that is its metrics' and logs' reference. */
  public static final long LEAD_IN_NANOS = 120_000_000_000L;

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private NezhaDataset() {}

  /** Whether {@code dir} looks like a Nezha dataset folder. */
  public static boolean looksLike(Path dir) {
    return Files.isRegularFile(dir.resolve("fault_list.json"))
        && Files.isDirectory(dir.resolve("trace"));
  }

  /**
   * The application a folder holds, from its name: without a leading {@code nezha-} and a trailing
   * date, so {@code nezha-trainticket-2023-01-29} holds {@code trainticket}.
   */
  public static String application(Path dir) {
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    String app =
        name.replaceFirst("^(?i)nezha[-_]", "")
            .replaceFirst("[-_]?\\d{4}-\\d{2}-\\d{2}$", "")
            .toLowerCase(Locale.ROOT);
    return app.isBlank() ? name : app;
  }

  public static List<LabelledWindow> load(Path dir) {
    return load(dir, application(dir), LoadProgress.NONE);
  }

  /** The windows of the folder, the application named {@code topology}. */
  public static List<LabelledWindow> load(Path dir, String topology, LoadProgress progress) {
    String src = dir.resolve("fault_list.json").toString();
    JsonNode faults =
        UserFiles.json(dir.resolve("fault_list.json"), 16L << 20, "a Nezha fault_list.json");
    if (!faults.isObject()) {
      throw new ConfigException(src, "", "must be an object of hours, each a list of faults");
    }
    List<JsonNode> list = new ArrayList<>();
    List<String> at = new ArrayList<>();
    var hours = faults.fields();
    while (hours.hasNext()) {
      var h = hours.next();
      if (!h.getValue().isArray()) {
        throw new ConfigException(src, h.getKey(), "must be a list of faults");
      }
      for (int i = 0; i < h.getValue().size(); i++) {
        if (!h.getValue().get(i).isObject()) {
          throw new ConfigException(
              src, h.getKey() + "[" + i + "]", "must be an object with inject_time, ...");
        }
        list.add(h.getValue().get(i));
        at.add(h.getKey() + "[" + i + "]");
      }
    }
    progress.expect(list.size() + 1L);
    WindowStats reference = WindowStats.of(read(files(dir.resolve("baseline"), p -> true)));
    MetricSeries metrics = metrics(dir);
    LogEvents logs = logs(dir);
    progress.step();
    String day = dir.toAbsolutePath().normalize().getFileName().toString();
    List<LabelledWindow> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode f = list.get(i);
      LocalDateTime t;
      try {
        t = LocalDateTime.parse(f.path("inject_time").asText(), TIME);
      } catch (RuntimeException e) {
        throw new ConfigException(src, at.get(i) + ".inject_time", "must be 'yyyy-MM-dd HH:mm:ss'");
      }
      String pod = f.path("inject_pod").asText();
      String kind = f.path("inject_type").asText();
      if (pod.isBlank() || kind.isBlank()) {
        throw new ConfigException(src, at.get(i), "needs inject_pod and inject_type");
      }
      long start = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
      List<Path> files = new ArrayList<>();
      for (int m = 0; m < 4; m++) {
        LocalDateTime minute = t.plusMinutes(m);
        Path p =
            dir.resolve("trace")
                .resolve(
                    String.format("%02d_%02d_trace.csv.gz", minute.getHour(), minute.getMinute()));
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
      long end = start + WINDOW_NANOS;
      out.add(
          new LabelledWindow(
              day + "/" + f.path("inject_time").asText().replace(' ', 'T'),
              topology,
              kind,
              0,
              WINDOW_NANOS / 1e9,
              Set.of(NezhaCsvReader.serviceOfPod(pod)),
              WindowStats.of(traces).withSignals(signals(metrics, logs, start, end)),
              reference.withSignals(signals(metrics, logs, start - LEAD_IN_NANOS, start))));
      progress.step();
    }
    return out;
  }

  /**
   * Metrics and logs over {@code [from, to)}, the logs' period narrowed to what their files cover
   * (the published log files hold only the minutes around each fault).
   */
  static WindowSignals signals(MetricSeries metrics, LogEvents logs, long from, long to) {
    WindowSignals m = WindowSignals.of(metrics, logs, from, to);
    if (logs.isEmpty()) {
      return m;
    }
    long a = logs.earliestAtOrAfter(from);
    long b = logs.latestBefore(to);
    double covered = a < b ? (b - a) / 1e9 : 0;
    return new WindowSignals(covered, m.hasMetrics(), covered > 0, m.services());
  }

  private static MetricSeries metrics(Path dir) {
    MetricSeries.Builder b = new MetricSeries.Builder();
    Path m = dir.resolve("metric");
    if (Files.isDirectory(m)) {
      TelemetryFiles.readMetrics(
          files(m, p -> p.getFileName().toString().contains("_metric.csv")),
          ImportLimits.DEFAULT,
          b);
    }
    return b.build();
  }

  private static LogEvents logs(Path dir) {
    LogEvents.Builder b = new LogEvents.Builder(Drain.defaults());
    Path l = dir.resolve("log");
    if (Files.isDirectory(l)) {
      TelemetryFiles.readLogs(files(l, p -> true), ImportLimits.DEFAULT, b);
    }
    return b.build();
  }

  private static List<Trace> read(List<Path> files) {
    return files.isEmpty()
        ? List.of()
        : TraceFiles.read(files, TraceFormat.NEZHA_CSV, ImportLimits.DEFAULT).traces();
  }

  private static List<Path> files(Path dir, Predicate<Path> keep) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().contains(".csv"))
          .filter(keep)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigException(dir.toString(), "", "cannot list: " + e.getMessage());
    }
  }
}
