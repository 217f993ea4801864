package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval}, {@code problems} and {@code inject} end to end through the CLI. */
class EvalCommandTest {
  @TempDir Path dir;

  @Test
  void evalWritesLeaderboardsAndAReportWhosePlotsExist() throws Exception {
    Path suite = dev.trimtab.cli.eval.EvaluationTest.tinySuite(dir);
    Path out = dir.resolve("out");
    Cli run =
        Cli.run(
            "eval",
            "--suite",
            suite.toString(),
            "--controllers",
            "static",
            "--seeds",
            "1,2",
            "--out",
            out.toString(),
            "--threads",
            "2",
            "-q");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("| static |"), run.out());
    JsonNode json = new ObjectMapper().readTree(out.resolve("leaderboard.json").toFile());
    assertEquals(4, json.get("rows").size());
    assertTrue(json.get("rows").get(0).has("time_to_localize_s"));
    assertTrue(json.get("rows").get(0).has("carbon_g"));
    String html = Files.readString(out.resolve("report.html"));
    Matcher img = Pattern.compile("src=\"(plots/[^\"]+\\.png)\"").matcher(html);
    int images = 0;
    while (img.find()) {
      Path png = out.resolve(img.group(1));
      byte[] head = Files.readAllBytes(png);
      assertEquals((byte) 0x89, head[0], png + " is a PNG");
      assertEquals('P', head[1]);
      images++;
    }
    assertEquals(3, images, "the summary and one figure per problem");
    byte[] first = Files.readAllBytes(out.resolve("leaderboard.json"));
    Cli again =
        Cli.run(
            "eval",
            "--suite",
            suite.toString(),
            "--controllers",
            "static",
            "--seeds",
            "1,2",
            "--out",
            out.toString(),
            "--threads",
            "1",
            "-q");
    assertEquals(0, again.status(), again.err());
    assertArrayEquals(first, Files.readAllBytes(out.resolve("leaderboard.json")));
  }

  @Test
  void aBadSuiteOrControllerIsABadInputWithFileFieldAndAllowedValues() throws Exception {
    Path suite = dev.trimtab.cli.eval.EvaluationTest.tinySuite(dir);
    Files.writeString(
        suite.resolve("c-bad.yaml"),
        Files.readString(suite.resolve("a-hog.yaml"))
            .replace("name: a-hog", "name: c-bad")
            .replace("task: localization", "task: triage"));
    Cli bad =
        Cli.run(
            "eval",
            "--suite",
            suite.toString(),
            "--controllers",
            "static",
            "--seeds",
            "1",
            "--out",
            dir.resolve("o").toString());
    assertEquals(2, bad.status());
    assertTrue(
        bad.err()
            .contains(
                "c-bad.yaml: field 'task': expected one of detection, localization, mitigation;"
                    + " got the string \"triage\""),
        bad.err());
    Cli unknown =
        Cli.run(
            "eval",
            "--suite",
            "chaos-basic",
            "--controllers",
            "pid",
            "--seeds",
            "1",
            "--out",
            dir.resolve("o").toString());
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("unknown controller 'pid'"), unknown.err());
  }

  /**
   * {@code --localizer rca:MODEL} runs the SVM analyser on traces. The model is written by hand and
   * looks only at self-time change, so it must name the service whose own work slowed: a CPU hog on
   * {@code geo} after a quiet reference period (5-35 s).
   */
  @Test
  void theRcaLocalizerRanksFromTracesWithTheGivenModel() throws Exception {
    Path suite = Files.createDirectories(dir.resolve("suite"));
    Files.writeString(
        suite.resolve("hog.yaml"),
        "name: hog\ntask: localization\ntopology: hotel-reservation\n"
            + "workload: \"poisson:rate=150\"\ndurationS: 80\nintervalS: 5\n"
            + "campaign:\n  faults:\n"
            + "    - {kind: cpu-contention, target: {services: [geo], mode: all},"
            + " startS: 45, durationS: 30, intensity: 1.0}\n");
    Path model = dir.resolve("self-change.json");
    Files.writeString(
        model,
        "{\"format\":\"trimtab-rca-model\",\"version\":1,\"kind\":\"linear-svm\","
            + "\"features\":[\"self_change\"],\"mean\":[0],\"scale\":[1],\"sigma\":1,"
            + "\"support_vectors\":[],\"weights\":[1],\"bias\":-1,\"threshold\":0,\"training\":{}}");
    Path out = dir.resolve("out");
    Cli run =
        Cli.run(
            "eval",
            "--suite",
            suite.toString(),
            "--controllers",
            "static",
            "--seeds",
            "1",
            "--localizer",
            "rca:" + model,
            "--out",
            out.toString(),
            "-q");
    assertEquals(0, run.status(), run.err());
    JsonNode json = new ObjectMapper().readTree(out.resolve("leaderboard.json").toFile());
    assertEquals("rca-svm (self-change.json)", json.get("localizer").asText());
    JsonNode row = json.get("rows").get(0);
    assertEquals("geo", row.get("localization_answer").get(0).asText(), row.toString());
    assertTrue(row.get("top1").asBoolean());
    double t = row.get("time_to_localize_s").asDouble();
    assertTrue(t > 0 && t <= 35, "found while the fault is on: " + t);
    assertTrue(
        Files.readString(out.resolve("leaderboard.md")).contains("localizer: `rca-svm"),
        "the report names its contestant");

    Cli unknown =
        Cli.run(
            "eval",
            "--suite",
            suite.toString(),
            "--controllers",
            "static",
            "--seeds",
            "1",
            "--localizer",
            "svm",
            "--out",
            out.toString(),
            "-q");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("allowed: latency, rca:MODEL"), unknown.err());
    Cli missing =
        Cli.run(
            "eval",
            "--suite",
            suite.toString(),
            "--controllers",
            "static",
            "--seeds",
            "1",
            "--localizer",
            "rca:" + dir.resolve("none.json"),
            "--out",
            out.toString(),
            "-q");
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("none.json"), missing.err());
  }

  @Test
  void problemsListAndShow() {
    Cli list = Cli.run("problems", "list", "--suite", "chaos-basic");
    assertEquals(0, list.status(), list.err());
    assertTrue(list.out().contains("det-sn-none"), list.out());
    Cli show = Cli.run("problems", "show", "loc-mm-partition");
    assertEquals(0, show.status(), show.err());
    assertTrue(show.out().contains("partition at 40-100 s"), show.out());
    Cli missing = Cli.run("problems", "show", "no-such-problem");
    assertEquals(2, missing.status());
  }

  @Test
  void injectWritesTheRunAndItsGroundTruth() throws Exception {
    Path faults = dir.resolve("f.yaml");
    Files.writeString(
        faults,
        "name: f\nfaults:\n  - {kind: hang, target: {services: [geo, rate], mode: one},"
            + " startS: 2, durationS: 3}\n");
    Path out = dir.resolve("run");
    Cli run =
        Cli.run(
            "inject",
            "--faults",
            faults.toString(),
            "--topology",
            "hotel-reservation",
            "--workload",
            "poisson:rate=50",
            "--duration",
            "8s",
            "--seed",
            "1",
            "--carbon",
            "100",
            "--spans",
            dir.resolve("spans.jsonl").toString(),
            "--span-sampling",
            "1",
            "--out",
            out.toString(),
            "-q");
    assertEquals(0, run.status(), run.err());
    JsonNode truth = new ObjectMapper().readTree(out.resolve("ground-truth.json").toFile());
    assertEquals("hang", truth.get("faults").get(0).get("kind").asText());
    assertEquals(1, truth.get("faults").get(0).get("services").size());
    assertEquals(5, truth.get("faults").get(0).get("end_s").asInt());
    assertTrue(Files.isRegularFile(out.resolve("metrics.csv")));
    // the options sim takes work the same here: carbon at 100 g/kWh, every request traced
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    double kwh = summary.get("energy_j").asDouble() / 3.6e6;
    assertTrue(kwh > 0, summary.toString());
    assertEquals(100 * kwh, summary.get("carbon_g").asDouble(), 1e-3 + 1e-3 * 100 * kwh);
    assertTrue(Files.readString(dir.resolve("spans.jsonl")).contains("\"resourceSpans\""));
  }
}
