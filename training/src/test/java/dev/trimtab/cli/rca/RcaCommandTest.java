package dev.trimtab.cli.rca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.cli.TrimtabCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RcaCommandTest {
  record Result(int status, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = TrimtabCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(status, out.toString(), err.toString());
  }

  /** A hand-written model that only looks at self-time change, on a Zipkin file: db got slow. */
  @Test
  void localizeRanksTheSlowService(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("m.json");
    Files.writeString(
        model,
        "{\"format\":\"trimtab-rca-model\",\"version\":1,\"kind\":\"linear-svm\","
            + "\"features\":[\"self_change\"],\"mean\":[0],\"scale\":[1],\"sigma\":1,"
            + "\"support_vectors\":[],\"weights\":[1],\"bias\":-1,\"threshold\":0,\"training\":{}}");
    StringBuilder z = new StringBuilder("[");
    for (int i = 0; i < 20; i++) {
      long t = 1_700_000_000_000_000L + i * 1_000_000L;
      long db = i < 6 ? 5_000 : 50_000;
      z.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  "{\"traceId\":\"%032x\",\"id\":\"%016x\",\"name\":\"get\",\"timestamp\":%d,"
                      + "\"duration\":%d,\"localEndpoint\":{\"serviceName\":\"front\"}},"
                      + "{\"traceId\":\"%032x\",\"id\":\"%016x\",\"parentId\":\"%016x\",\"name\":\"q\","
                      + "\"timestamp\":%d,\"duration\":%d,\"localEndpoint\":{\"serviceName\":\"db\"}}",
                  i + 1, 1L, t, db + 2000, i + 1, 2L, 1L, t + 1000, db));
    }
    Path traces = dir.resolve("spans.json");
    Files.writeString(traces, z.append("]").toString());
    Result r = run("rca", "localize", "--model", model.toString(), "--traces", traces.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().indexOf("\"db\"") < r.out().indexOf("\"front\""), r.out());
    assertTrue(r.out().contains("\"traces\" : 14"), r.out());
    assertTrue(r.out().contains("\"critical\" : true"), r.out());
  }

  @Test
  void badInputsAreOneLineErrors(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\":\"nope\"}");
    Result r = run("rca", "localize", "--model", bad.toString(), "--traces", bad.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("field 'format'"), r.err());
    r = run("rca", "train", "--out", dir.resolve("m.json").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("at least one source"), r.err());
    r = run("rca", "eval", "--model", bad.toString(), "--generate", "loc-basic", "--seeds", "x");
    assertEquals(2, r.status());
  }

  /** Absurd sizes are refused at once, naming the value and the allowed range; nothing runs. */
  @Test
  void benchRcaBoundsItsInputs(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("m.json");
    Files.writeString(model, HAND_MODEL);
    for (String n : new String[] {"100000000", "9", "-5"}) {
      Result r = run("bench", "rca", "--model", model.toString(), "--traces", n);
      assertEquals(2, r.status(), r.err());
      assertTrue(r.err().startsWith("trimtab: --traces " + n + " is out of range: 10 to 20000"));
      assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }
    Result r = run("bench", "rca", "--model", model.toString(), "--repeat", "0");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--repeat 0 is out of range"), r.err());
  }

  /** A wrong --out fails before any simulation, in one line, and writes nothing. */
  @Test
  void outputPathsAreCheckedFirst(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("models"));
    long t0 = System.nanoTime();
    Result r =
        run(
            "rca",
            "train",
            "--generate",
            "sim-train",
            "--seeds",
            "1-40",
            "--out",
            folder.toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith("trimtab: --out " + folder + " is a folder"), r.err());
    // 160 simulated runs would take minutes; refusing takes no simulation at all
    assertTrue((System.nanoTime() - t0) / 1e9 < 30, "checked before the work");
    Path file = Files.writeString(dir.resolve("f.txt"), "x");
    r =
        run(
            "rca",
            "train",
            "--generate",
            "sim-train",
            "--seeds",
            "1",
            "--out",
            file.resolve("m.json").toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("is not a folder"), r.err());
    r =
        run(
            "rca",
            "eval",
            "--folds",
            "2",
            "--generate",
            "sim-train",
            "--seeds",
            "1-40",
            "--out",
            file.toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--out " + file + " is a file"), r.err());
    r = run("rca", "train", "--generate", "sim-train", "--seeds", "1", "--out", "");
    assertEquals(2, r.status(), r.err());
    try (var s = Files.list(dir)) {
      assertEquals(2, s.count(), "nothing new written");
    }
  }

  @Test
  void modelsWithZeroScaleAreRefused(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("m.json");
    Files.writeString(model, HAND_MODEL.replace("\"scale\":[1]", "\"scale\":[0]"));
    Result r = run("bench", "rca", "--model", model.toString());
    assertEquals(2, r.status(), r.err());
    assertEquals(
        "trimtab: "
            + model
            + ": field 'scale[0]': must be > 0 (a standard deviation; training"
            + " writes 1 for a constant feature), got 0.0",
        r.err().strip());
  }

  private static final String HAND_MODEL =
      "{\"format\":\"trimtab-rca-model\",\"version\":1,\"kind\":\"linear-svm\","
          + "\"features\":[\"self_change\"],\"mean\":[0],\"scale\":[1],\"sigma\":1,"
          + "\"support_vectors\":[],\"weights\":[1],\"bias\":-1,\"threshold\":0,"
          + "\"training\":{}}";

  /** A dataset folder of one application: 6 cases, the culprit's spans 8 times slower. */
  static Path dataset(Path dir, String app, long seed) throws Exception {
    Files.createDirectories(dir);
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    StringBuilder labels =
        new StringBuilder("{\"format\":\"trimtab-rca-dataset\",\"version\":1,\"cases\":[");
    String[] services = {"front", "cart", "db", "auth"};
    for (int c = 0; c < 6; c++) {
      String culprit = services[1 + r.nextInt(3)];
      for (String part : new String[] {"ref", "win"}) {
        StringBuilder csv =
            new StringBuilder(
                "TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,"
                    + "EndTimeUnixNano,Duration\n");
        for (int t = 0; t < 20; t++) {
          long t0 = 1_700_000_000_000_000_000L + t * 1_000_000_000L;
          long at = t0 + 1_000_000;
          long[] ms = new long[4];
          for (int k = 1; k < 4; k++) {
            ms[k] =
                (2 + r.nextInt(3)) * (part.equals("win") && services[k].equals(culprit) ? 8 : 1);
          }
          long end = at;
          for (int k = 1; k < 4; k++) {
            csv.append(
                String.format(
                    "%s%d,s%d,root0,%s-5f55b6cf68-77cfw,op,%d,%d,0\n",
                    part, t, k, services[k], end, end + ms[k] * 1_000_000));
            end += ms[k] * 1_000_000 + 100_000;
          }
          csv.append(
              String.format(
                  "%s%d,root0,root,front-5f55b6cf68-77cfw,get,%d,%d,0\n",
                  part, t, t0, end + 500_000));
        }
        Files.writeString(dir.resolve(c + "-" + part + ".csv"), csv.toString());
      }
      labels
          .append(c == 0 ? "" : ",")
          .append(
              String.format(
                  "{\"name\":\"c%d\",\"topology\":\"%s\",\"reference\":[\"%d-ref.csv\"],"
                      + "\"windows\":[{\"traces\":[\"%d-win.csv\"],\"culprits\":[\"%s\"],"
                      + "\"fault_kind\":\"cpu\"}]}",
                  c, app, c, c, culprit));
    }
    Files.writeString(dir.resolve("labels.json"), labels.append("]}").toString());
    return dir;
  }

  /**
   * Several datasets at once, held out by application; the report names each application and is the
   * same bytes on a second run (no wall-clock value in it).
   */
  @Test
  void heldOutEvaluationIsReproducible(@TempDir Path dir) throws Exception {
    Path shop = dataset(dir.resolve("shop-2024-01-01"), "shop", 1);
    Path bank = dataset(dir.resolve("bank-2024-01-02"), "bank", 2);
    String[] args = {
      "rca",
      "eval",
      "--hold-out",
      "application",
      "--dataset",
      shop.toString(),
      "--dataset",
      bank.toString(),
      "--features",
      "self_change,share_change",
      "-q",
      "--out",
      ""
    };
    args[args.length - 1] = dir.resolve("a").toString();
    Result a = run(args);
    assertEquals(0, a.status(), a.err());
    args[args.length - 1] = dir.resolve("b").toString();
    Result b = run(args);
    assertEquals(0, b.status(), b.err());
    String ja = Files.readString(dir.resolve("a/rca-eval.json"));
    assertEquals(ja, Files.readString(dir.resolve("b/rca-eval.json")));
    assertTrue(!ja.contains("ms_per_window"), ja);
    assertTrue(
        ja.contains("\"by_application\"") && ja.contains("\"shop\"") && ja.contains("\"bank\""));
    assertTrue(ja.contains("\"top5\""));
    assertTrue(a.out().contains("shop / cpu"), a.out());
    // trained on both, the culprits (8x slower) come first
    Result t =
        run(
            "rca",
            "train",
            "--dataset",
            shop.toString(),
            "--dataset",
            bank.toString(),
            "--features",
            "self_change,share_change",
            "-q",
            "--out",
            dir.resolve("m.json").toString());
    assertEquals(0, t.status(), t.err());
    assertTrue(t.out().contains("shop-2024-01-01") && t.out().contains("top3"), t.out());
  }

  @Test
  void seedLists() {
    assertEquals(java.util.List.of(1L, 2L, 3L, 7L), DataOptions.parseSeeds(null, "1-3,7"));
  }
}
