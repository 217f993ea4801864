package dev.trimtab.rca.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.data.DatasetFolder;
import dev.trimtab.rca.io.TelemetryFiles;
import dev.trimtab.rca.io.TraceFormat;
import dev.trimtab.rca.io.TraceWriter;
import dev.trimtab.rca.model.ModelFile;
import dev.trimtab.rca.telemetry.Drain;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.MetricSeries;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import dev.trimtab.rca.trace.TraceAssembler;
import dev.trimtab.rca.trace.TraceFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of every file a user gives the root-cause analyser, read from disk as the CLI
 * reads it: model files, dataset folders ({@code labels.json} with trace files in each format, and
 * Nezha folders), and metric and log files in each format. Valid files are cut short, have bytes
 * changed, numbers replaced by words, rows shuffled, or are given gzipped or binary where text is
 * expected. Each case must either load or end within seconds in one {@link ConfigException} (or
 * {@link TraceFormatException}) whose one line names a file of the case and echoes no binary: never
 * another exception, a hang or an out-of-memory error.
 */
class UserFilesFuzzTest {
  private static final long SEED = 20_261_202L;
  private static final int CASES = 60;

  /** The loader must finish in time and fail, if at all, with one clean line naming a file. */
  static void loadsOrRefusesCleanly(Path dir, Runnable load) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          try {
            load.run();
          } catch (ConfigException | TraceFormatException e) {
            String m = e.getMessage();
            assertTrue(m.lines().count() == 1, "one line: " + m);
            assertTrue(m.startsWith(dir.toString()), "names a file of the case: " + m);
            for (char c : m.toCharArray()) {
              if (c < 32 || c == 0xFFFD) {
                fail("control or undecodable character echoed: " + m);
              }
            }
          } catch (Throwable t) {
            throw new AssertionError("not a clean error: " + t, t);
          }
        });
  }

  static List<byte[]> corruptions(byte[] valid, SplittableRandom r) {
    List<byte[]> out = new ArrayList<>();
    out.add(Arrays.copyOf(valid, r.nextInt(valid.length + 1)));
    byte[] b = valid.clone();
    for (int e = 0; e < 1 + r.nextInt(6); e++) {
      b[r.nextInt(b.length)] = (byte) r.nextInt(256);
    }
    out.add(b);
    String text = new String(valid, StandardCharsets.UTF_8);
    out.add(text.replaceAll("[0-9]+(\\.[0-9]+)?", r.nextBoolean() ? "x" : "1e999").getBytes());
    out.add(gzip(valid));
    byte[] noise = new byte[1 + r.nextInt(4096)];
    r.nextBytes(noise);
    out.add(noise);
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (lines.size() > 2) {
      for (int i = lines.size() - 1; i > 1; i--) {
        int j = 1 + r.nextInt(i);
        lines.set(j, lines.set(i, lines.get(j)));
      }
    }
    out.add(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    return out;
  }

  static byte[] gzip(byte[] b) {
    try {
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(o)) {
        z.write(b);
      }
      return o.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Trace> traces(int n, long dbMs, String prefix) {
    TraceAssembler a = new TraceAssembler("t", ImportLimits.DEFAULT);
    for (int i = 0; i < n; i++) {
      long t0 = 1_700_000_000_000_000_000L + i * 1_000_000_000L;
      a.add(Span.of(prefix + i, "a", null, "front", t0, t0 + (dbMs + 2) * 1_000_000));
      a.add(Span.of(prefix + i, "b", "a", "db", t0 + 1_000_000, t0 + (dbMs + 1) * 1_000_000));
    }
    return a.assemble().traces();
  }

  static byte[] written(TraceFormat f, List<Trace> t) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    try {
      TraceWriter.write(o, f, t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return o.toByteArray();
  }

  /** Runs {@code check} on each corruption of {@code valid}, written to a fresh folder. */
  static void fuzz(Path root, String name, byte[] valid, long seed, Consumer<Path> check)
      throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    for (int round = 0; round < CASES / 6; round++) {
      List<byte[]> cs = corruptions(valid, r);
      for (int k = 0; k < cs.size(); k++) {
        Path dir = Files.createDirectories(root.resolve(name + "-" + round + "-" + k));
        Files.write(dir.resolve(name), cs.get(k));
        check.accept(dir);
      }
    }
  }

  @Test
  void modelFiles(@TempDir Path root) throws IOException {
    byte[] valid =
        ("{\"format\":\"trimtab-rca-model\",\"version\":1,\"kind\":\"gaussian-svm\","
                + "\"features\":[\"ri\",\"self_change\"],\"mean\":[0.5,1.25],\"scale\":[1,2],"
                + "\"sigma\":8,\"support_vectors\":[[0.1,0.2],[1.5,-2]],\"weights\":[1,-1],"
                + "\"bias\":-0.5,\"threshold\":0.25,\"training\":{\"rows\":\"12\"}}\n")
            .getBytes(StandardCharsets.UTF_8);
    fuzz(
        root,
        "m.json",
        valid,
        SEED,
        dir -> loadsOrRefusesCleanly(dir, () -> ModelFile.read(dir.resolve("m.json"))));
  }

  @Test
  void datasetFolderTraceFiles(@TempDir Path root) throws IOException {
    String labels =
        "{\"format\":\"trimtab-rca-dataset\",\"version\":1,\"cases\":[{\"name\":\"c\","
            + "\"topology\":\"shop\",\"reference\":[\"ref.csv\"],\"windows\":[{\"traces\":"
            + "[\"w.trace\"],\"culprits\":[\"db\"],\"fault_kind\":\"cpu\"}]}]}";
    long seed = SEED + 1;
    for (TraceFormat f : TraceFormat.values()) {
      byte[] valid = written(f, traces(20, 40, "w"));
      fuzz(
          root,
          "w.trace",
          valid,
          seed++,
          dir -> {
            try {
              Files.writeString(dir.resolve("labels.json"), labels);
              Files.write(
                  dir.resolve("ref.csv"), written(TraceFormat.NEZHA_CSV, traces(20, 5, "r")));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            loadsOrRefusesCleanly(dir, () -> DatasetFolder.load(dir));
          });
    }
  }

  @Test
  void labelsFiles(@TempDir Path root) throws IOException {
    byte[] valid =
        ("{\"format\":\"trimtab-rca-dataset\",\"version\":1,\"cases\":[{\"name\":\"c\","
                + "\"topology\":\"shop\",\"reference\":[\"ref.csv\"],\"windows\":[{\"traces\":"
                + "[\"w.csv\"],\"culprits\":[\"db\"],\"fault_kind\":\"cpu\",\"start_s\":0,"
                + "\"end_s\":60},{\"traces\":[\"w.csv\"]}]}]}")
            .getBytes(StandardCharsets.UTF_8);
    fuzz(
        root,
        "labels.json",
        valid,
        SEED + 10,
        dir -> {
          try {
            Files.write(dir.resolve("ref.csv"), written(TraceFormat.NEZHA_CSV, traces(20, 5, "r")));
            Files.write(dir.resolve("w.csv"), written(TraceFormat.NEZHA_CSV, traces(20, 40, "w")));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          loadsOrRefusesCleanly(dir, () -> DatasetFolder.load(dir));
        });
  }

  @Test
  void nezhaFolders(@TempDir Path root) throws IOException {
    byte[] faults =
        ("{\"08\":[{\"inject_time\":\"2023-11-14 22:13:20\",\"inject_timestamp\":\"1\","
                + "\"inject_pod\":\"db-5f55b6cf68-77cfw\",\"inject_type\":\"cpu_contention\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] csv = written(TraceFormat.NEZHA_CSV, traces(20, 40, "w"));
    fuzz(
        root,
        "fault_list.json",
        faults,
        SEED + 20,
        dir -> {
          try {
            Files.createDirectories(dir.resolve("trace"));
            Files.createDirectories(dir.resolve("baseline"));
            Files.write(dir.resolve("trace/22_13_trace.csv.gz"), gzip(csv));
            Files.write(dir.resolve("baseline/22_00_trace.csv.gz"), gzip(csv));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          loadsOrRefusesCleanly(dir, () -> DatasetFolder.load(dir));
        });
    SplittableRandom r = new SplittableRandom(SEED + 21);
    for (int round = 0; round < CASES / 6; round++) {
      List<byte[]> cs = corruptions(csv, r);
      for (int k = 0; k < cs.size(); k++) {
        Path dir = Files.createDirectories(root.resolve("csv-" + round + "-" + k));
        Files.createDirectories(dir.resolve("trace"));
        Files.createDirectories(dir.resolve("baseline"));
        Files.write(dir.resolve("fault_list.json"), faults);
        // corrupt data inside a good gzip, or a corrupt gzip stream
        Files.write(
            dir.resolve("trace/22_13_trace.csv.gz"), k % 2 == 0 ? gzip(cs.get(k)) : cs.get(k));
        Files.write(dir.resolve("baseline/22_00_trace.csv.gz"), gzip(csv));
        loadsOrRefusesCleanly(dir, () -> DatasetFolder.load(dir));
      }
    }
  }

  static final String NEZHA_METRICS =
      "Time,TimeStamp,PodName,CpuUsageRate(%),MemoryUsageRate(%),PodServerLatencyP90(s),"
          + "PodClientLatencyP90(s),PodWorkload(Ops),PodSuccessRate(%)\n"
          + "x,120,cart-5f6585d649-fnmft,30,50,0.02,NaN,4,100\n"
          + "x,60,cart-5f6585d649-fnmft,10,40,0.01,0.03,2,90\n";
  static final String PROMETHEUS =
      "# TYPE trimtab_service_cpu_utilisation_ratio gauge\n"
          + "trimtab_service_cpu_utilisation_ratio{service=\"cart\"} 0.25\n"
          + "trimtab_service_interval_calls_completed{service=\"cart\"} 90\n"
          + "trimtab_service_latency_seconds{quantile=\"0.95\",service=\"cart\"} 0.004 1000\n";
  static final String OTLP_METRICS =
      "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
          + "\"value\":{\"stringValue\":\"cart\"}}]},\"scopeMetrics\":[{\"metrics\":["
          + "{\"name\":\"k8s.pod.cpu.utilization\",\"gauge\":{\"dataPoints\":["
          + "{\"timeUnixNano\":\"1000\",\"asDouble\":0.2}]}}]}]}]}\n";
  static final String NEZHA_LOGS =
      "Timestamp,TimeUnixNano,Node,PodName,Container,TraceID,SpanID,Log\n"
          + "t,300,n,ts-route-service-b6c59fb57-zv8dt,server,a,b,\"{\"\"log\"\":\"\"ERROR x 42\"\"}\"\n"
          + "t,100,n,ts-route-service-b6c59fb57-zv8dt,server,a,b,plain INFO line 7\n";
  static final String OTLP_LOGS =
      "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
          + "\"value\":{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":["
          + "{\"timeUnixNano\":\"10\",\"severityNumber\":17,\"body\":{\"stringValue\":\"boom\"}}]}]}]}\n";

  @Test
  void metricAndLogFiles(@TempDir Path root) throws IOException {
    long seed = SEED + 30;
    for (String valid : new String[] {NEZHA_METRICS, PROMETHEUS, OTLP_METRICS}) {
      fuzz(
          root,
          "m.data",
          valid.getBytes(StandardCharsets.UTF_8),
          seed++,
          dir ->
              loadsOrRefusesCleanly(
                  dir,
                  () ->
                      TelemetryFiles.readMetrics(
                          List.of(dir.resolve("m.data")),
                          LIMITS,
                          new MetricSeries.Builder(1_000_000))));
    }
    for (String valid : new String[] {NEZHA_LOGS, OTLP_LOGS}) {
      fuzz(
          root,
          "l.data",
          valid.getBytes(StandardCharsets.UTF_8),
          seed++,
          dir ->
              loadsOrRefusesCleanly(
                  dir,
                  () ->
                      TelemetryFiles.readLogs(
                          List.of(dir.resolve("l.data")),
                          LIMITS,
                          new LogEvents.Builder(Drain.defaults(), 1_000_000))));
    }
  }

  /**
   * Huge inputs end at a bound, quickly: a line without end, a quote never closed, a file past the
   * byte limit, more points than the builder holds.
   */
  @Test
  void hugeMetricAndLogFiles(@TempDir Path root) throws IOException {
    String row = "x,60,cart-5f6585d649-fnmft,10,40,0.01,0.03,2,90\n";
    String[] huge = {
      NEZHA_METRICS + "x," + "9".repeat(3 << 20) + "\n",
      NEZHA_LOGS + "t,1,n,p,c,a,b,\"" + "x".repeat(3 << 20),
      NEZHA_METRICS + row.repeat(40_000),
      "trimtab_service_cpu_utilisation_ratio{service=\"c\"} 1\n".repeat(300_000)
    };
    for (int i = 0; i < huge.length; i++) {
      Path dir = Files.createDirectories(root.resolve("huge-" + i));
      Files.writeString(dir.resolve("f.data"), huge[i]);
      if (i == 1) {
        loadsOrRefusesCleanly(
            dir,
            () ->
                TelemetryFiles.readLogs(
                    List.of(dir.resolve("f.data")),
                    LIMITS,
                    new LogEvents.Builder(Drain.defaults(), 1_000)));
      } else {
        loadsOrRefusesCleanly(
            dir,
            () -> {
              TelemetryFiles.readMetrics(
                  List.of(dir.resolve("f.data")), LIMITS, new MetricSeries.Builder(100_000));
              throw new AssertionError("a bound should have stopped it");
            });
      }
    }
  }

  /** 8 MiB of input at most, so that a hostile file is refused long before memory runs out. */
  private static final ImportLimits LIMITS = new ImportLimits(8 << 20, 100_000, 10_000, 1L << 40);
}
