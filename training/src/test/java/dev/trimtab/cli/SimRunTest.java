package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trimtab.agents.baselines.Baselines;
import dev.trimtab.cli.options.SimDuration;
import dev.trimtab.cli.output.IntervalCsv;
import dev.trimtab.cli.output.RunConfig;
import dev.trimtab.cli.output.SummaryJson;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.WorkloadLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole run on a two-service topology built by hand, a few simulated seconds long. */
class SimRunTest {
  @TempDir Path dir;

  @Test
  void writesEveryRunFileWithConservedRequestCounts() throws Exception {
    Path run = run("a", 1);
    for (String name :
        List.of(
            RunConfig.FILE,
            SummaryJson.FILE,
            IntervalCsv.METRICS_FILE,
            IntervalCsv.ENDPOINTS_FILE)) {
      assertTrue(Files.isRegularFile(run.resolve(name)), name);
    }
    JsonNode s = new ObjectMapper().readTree(run.resolve(SummaryJson.FILE).toFile());
    long requests = s.get("requests").asLong();
    assertTrue(requests > 100, "about 60 req/s for 3 s arrive, got " + requests);
    assertEquals(
        requests,
        s.get("completed").asLong()
            + s.get("dropped").asLong()
            + s.get("errors").asLong()
            + s.get("in_flight").asLong(),
        "every request is completed, dropped, errored or still in flight");
    assertEquals(3, s.get("duration_s").asLong());
    List<String> metrics = Files.readAllLines(run.resolve(IntervalCsv.METRICS_FILE));
    assertEquals(1 + 6 * 2, metrics.size(), "header + 6 intervals of 0.5 s x 2 services");
    assertTrue(metrics.get(metrics.size() - 1).startsWith("3.000,db,"), metrics.get(12));
  }

  @Test
  void everyBaselineRunsInTheLoopAndIsNamedInTheRunFiles() throws Exception {
    for (String controller : Baselines.names()) {
      Path run = run(controller, 1, controller, "20s");
      JsonNode s = new ObjectMapper().readTree(run.resolve(SummaryJson.FILE).toFile());
      assertEquals(controller, s.get("controller").asText());
      JsonNode c = new ObjectMapper().readTree(run.resolve(RunConfig.FILE).toFile());
      assertEquals(controller, c.get("controller").asText());
    }
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherRun() throws Exception {
    Path a = run("a", 1);
    Path b = run("b", 1);
    Path c = run("c", 2);
    for (String name : List.of(SummaryJson.FILE, IntervalCsv.METRICS_FILE)) {
      assertArrayEquals(bytes(a, name), bytes(b, name), name + " differs for the same seed");
    }
    assertFalse(
        java.util.Arrays.equals(bytes(a, SummaryJson.FILE), bytes(c, SummaryJson.FILE)),
        "another seed gives another run");
  }

  @Test
  void spansFollowTheCallTreeAndSummaryHasEnergyCarbonAndMemory() throws Exception {
    Path out = Files.createDirectory(dir.resolve("spans"));
    Path spans = dir.resolve("spans.jsonl");
    SimRun.Plan plan =
        new SimRun.Plan(
            twoServices(),
            WorkloadLoader.parseSpec("poisson:rate=60", dir),
            7,
            SimDuration.parse("3s"),
            SimDuration.parse("500ms"),
            "static",
            dev.trimtab.env.power.CarbonIntensity.constant(200),
            spans,
            1.0);
    SimRun.execute(plan, config(7), out, true);
    ObjectMapper json = new ObjectMapper();
    java.util.Map<String, String> serviceOfSpan = new java.util.HashMap<>();
    java.util.Map<String, String> parentOfSpan = new java.util.HashMap<>();
    for (String line : Files.readAllLines(spans)) {
      for (JsonNode rs : json.readTree(line).get("resourceSpans")) {
        String service = "";
        for (JsonNode a : rs.get("resource").get("attributes")) {
          if (a.get("key").asText().equals("service.name")) {
            service = a.get("value").get("stringValue").asText();
          }
        }
        for (JsonNode ss : rs.get("scopeSpans")) {
          for (JsonNode span : ss.get("spans")) {
            String id = span.get("traceId").asText() + "/" + span.get("spanId").asText();
            serviceOfSpan.put(id, service);
            if (span.hasNonNull("parentSpanId") && !span.get("parentSpanId").asText().isEmpty()) {
              parentOfSpan.put(
                  id, span.get("traceId").asText() + "/" + span.get("parentSpanId").asText());
            }
          }
        }
      }
    }
    assertTrue(serviceOfSpan.size() > 200, "every request traced: ~180 requests x 2 spans");
    assertFalse(parentOfSpan.isEmpty());
    parentOfSpan.forEach(
        (child, parent) -> {
          assertEquals("db", serviceOfSpan.get(child), "only db has a parent");
          assertEquals("front", serviceOfSpan.get(parent), "db's parent is front");
        });
    JsonNode s = json.readTree(out.resolve(SummaryJson.FILE).toFile());
    // 2 services x 1 core x 0.74 W idle share for 3 s is the least energy there can be
    assertTrue(s.get("energy_j").asDouble() > 2 * 0.74 * 3, s.toString());
    assertEquals(s.get("energy_j").asDouble() * 200 / 3.6e6, s.get("carbon_g").asDouble(), 1e-6);
    assertEquals(2 * 512 * 3, s.get("memory_mib_seconds").asDouble(), 1e-6);
  }

  private RunConfig config(long seed) {
    return new RunConfig(
        "sim",
        "two",
        "two",
        "poisson:rate=60",
        "",
        seed,
        "3s",
        3,
        "500ms",
        0.5,
        "static",
        dir.toString(),
        List.of());
  }

  private Path run(String name, long seed) throws IOException {
    return run(name, seed, "static", "3s");
  }

  private Path run(String name, long seed, String controller, String duration) throws IOException {
    Path out = Files.createDirectory(dir.resolve(name));
    SimRun.Plan plan =
        new SimRun.Plan(
            twoServices(),
            WorkloadLoader.parseSpec("poisson:rate=60", dir),
            seed,
            SimDuration.parse(duration),
            SimDuration.parse("500ms"),
            controller);
    RunConfig config =
        new RunConfig(
            "sim",
            "two",
            "two",
            "poisson:rate=60",
            "",
            seed,
            duration,
            SimDuration.parse(duration).seconds(),
            "500ms",
            0.5,
            controller,
            dir.toString(),
            List.of());
    SimRun.Result result = SimRun.execute(plan, config, out, true);
    assertTrue(result.report().contains("front"), result.report());
    return out;
  }

  private static byte[] bytes(Path run, String name) throws IOException {
    return Files.readAllBytes(run.resolve(name));
  }

  static Topology twoServices() {
    CallNode db = new CallNode("db", "get", 1, List.of());
    CallNode root = new CallNode("front", "get", 1, List.of(new CallNode.Step(List.of(db))));
    return new Topology(
        "two",
        "a front end calling a database",
        0.1,
        List.of(service("front", 2.0), service("db", 5.0)),
        List.of(new EndpointSpec("get", 1, new Slo(99, 50), root)));
  }

  private static ServiceSpec service(String name, double meanMs) {
    return new ServiceSpec(
        name,
        ServiceKind.CPU,
        1,
        1.0,
        512,
        256,
        100,
        1000,
        1000,
        List.of(new OperationSpec("get", new Demand(meanMs, 1))));
  }
}
