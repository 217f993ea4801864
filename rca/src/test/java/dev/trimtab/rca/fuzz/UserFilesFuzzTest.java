package dev.trimtab.rca.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.data.DatasetFolder;
import dev.trimtab.rca.io.TraceFormat;
import dev.trimtab.rca.io.TraceWriter;
import dev.trimtab.rca.model.ModelFile;
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
 * Nezha folders). Valid files are cut short, have bytes changed, numbers replaced by words, rows
 * shuffled, or are given gzipped or binary where text is expected. Each case must either load or
 * end within seconds in one {@link ConfigException} (or {@link TraceFormatException}) whose one
 * line names a file of the case and echoes no binary: never another exception, a hang or an
 * out-of-memory error.
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
}
