package dev.trimtab.rca.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.io.TraceFormat;
import dev.trimtab.rca.io.TraceWriter;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import dev.trimtab.rca.trace.TraceAssembler;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {
  /** {@code n} traces front -> db, the db taking {@code dbMs}. */
  static List<Trace> traces(int n, long dbMs, String prefix) {
    TraceAssembler a = new TraceAssembler("t", ImportLimits.DEFAULT);
    for (int i = 0; i < n; i++) {
      long t0 = 1_700_000_000_000_000_000L + i * 1_000_000_000L;
      a.add(Span.of(prefix + i, "a", null, "front", t0, t0 + (dbMs + 2) * 1_000_000));
      a.add(Span.of(prefix + i, "b", "a", "db", t0 + 1_000_000, t0 + (dbMs + 1) * 1_000_000));
    }
    return a.assemble().traces();
  }

  static void write(Path f, TraceFormat format, List<Trace> t) throws Exception {
    try (OutputStream out = Files.newOutputStream(f)) {
      TraceWriter.write(out, format, t);
    }
  }

  /** The complete example of docs/formats/rca-dataset.md, with trace files in three formats. */
  @Test
  void docExampleLoads(@TempDir Path dir) throws Exception {
    String page = Files.readString(Path.of("../docs/formats/rca-dataset.md"));
    int start = page.indexOf("```json\n") + 8;
    Files.writeString(
        dir.resolve("labels.json"), page.substring(start, page.indexOf("```", start)));
    write(dir.resolve("ref.jsonl"), TraceFormat.OTLP_JSON, traces(30, 5, "r"));
    write(dir.resolve("w1.json"), TraceFormat.JAEGER_JSON, traces(30, 40, "x"));
    write(dir.resolve("w2.csv"), TraceFormat.NEZHA_CSV, traces(30, 5, "y"));
    Files.writeString(
        dir.resolve("ref.prom"), "trimtab_service_cpu_utilisation_ratio{service=\"db\"} 0.1\n");
    Files.writeString(
        dir.resolve("w1.prom"), "trimtab_service_cpu_utilisation_ratio{service=\"db\"} 0.9\n");
    String log =
        "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
            + "\"value\":{\"stringValue\":\"db\"}}]},\"scopeLogs\":[{\"logRecords\":[%s]}]}]}";
    String rec =
        "{\"timeUnixNano\":\"%d\",\"severityText\":\"%s\",\"body\":{\"stringValue\":\"%s\"}}";
    Files.writeString(
        dir.resolve("ref-logs.jsonl"),
        String.format(log, String.format(rec, 1, "INFO", "query ok")));
    Files.writeString(
        dir.resolve("w1-logs.jsonl"),
        String.format(
            log,
            String.format(rec, 1, "ERROR", "query timed out")
                + ","
                + String.format(rec, 2, "ERROR", "query timed out")));
    List<LabelledWindow> w = DatasetFolder.load(dir);
    var db = w.get(0).window().signals().of("db");
    assertEquals(0.9, db.cpu(), 1e-12);
    assertEquals(2, db.logs().errors());
    assertEquals(60, w.get(0).window().signals().durationS(), 1e-12);
    assertEquals(0.1, w.get(0).reference().signals().of("db").cpu(), 1e-12);
    assertEquals(0, w.get(1).window().signals().services().size(), "no metrics listed: none");
    assertEquals(2, w.size());
    assertEquals(Set.of("db"), w.get(0).culprits());
    assertEquals("cpu-contention", w.get(0).faultKind());
    assertEquals("none", w.get(1).faultKind());
    assertEquals(30, w.get(0).window().traces());
    assertEquals(40, w.get(0).window().of("db").meanSelfMs(), 1e-9);
    assertEquals(5, w.get(1).window().of("db").meanSelfMs(), 1e-9);
    assertEquals(30, w.get(0).reference().traces());
  }

  @Test
  void mistakesNameTheField(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("labels.json"),
        "{\"format\":\"trimtab-rca-dataset\",\"version\":1,"
            + "\"cases\":[{\"name\":\"c\",\"topology\":\"t\",\"reference\":[\"nope.json\"],"
            + "\"windows\":[{\"traces\":[\"nope.json\"]}]}]}");
    var e = assertThrows(ConfigException.class, () -> DatasetFolder.load(dir));
    assertEquals("cases[0].reference[0]", e.field());
    Files.writeString(dir.resolve("nope.json"), "{\"data\": 5}");
    e = assertThrows(ConfigException.class, () -> DatasetFolder.load(dir));
    assertEquals(dir.resolve("nope.json").toString(), e.source());
  }
}
