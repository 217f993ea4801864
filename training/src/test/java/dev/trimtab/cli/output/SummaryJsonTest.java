package dev.trimtab.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
  private static final RunHeader RUN =
      new RunHeader("social-network", "poisson 200 req/s", 7, 600, 1, "static");

  @Test
  void keysComeInTheDocumentedOrder() throws Exception {
    JsonNode json = new ObjectMapper().readTree(SummaryJson.render(RUN, Samples.summary(), "v1"));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "topology",
            "workload",
            "seed",
            "duration_s",
            "interval_s",
            "controller",
            "requests",
            "completed",
            "dropped",
            "errors",
            "in_flight",
            "slo_violation_seconds",
            "p50_ms",
            "p99_ms",
            "mean_ms",
            "cpu_core_seconds",
            "cpu_allocated_core_seconds",
            "memory_mib_seconds",
            "gpu_device_seconds",
            "energy_j",
            "carbon_g",
            "events",
            "trimtab_version"),
        keys);
  }

  @Test
  void valuesComeFromTheRecords() throws Exception {
    JsonNode json = new ObjectMapper().readTree(SummaryJson.render(RUN, Samples.summary(), "v1"));
    assertEquals("social-network", json.get("topology").asText());
    assertEquals("poisson 200 req/s", json.get("workload").asText());
    assertEquals(7, json.get("seed").asLong());
    assertEquals(600, json.get("duration_s").asLong());
    assertTrue(json.get("duration_s").isIntegralNumber(), "whole seconds are written whole");
    assertEquals("static", json.get("controller").asText());
    assertEquals(1000, json.get("requests").asLong());
    assertEquals(950, json.get("completed").asLong());
    assertEquals(20, json.get("dropped").asLong());
    assertEquals(10, json.get("errors").asLong());
    assertEquals(20, json.get("in_flight").asLong());
    assertEquals(12.5, json.get("slo_violation_seconds").asDouble(), 0.0);
    assertEquals(4.25, json.get("p50_ms").asDouble(), 0.0);
    assertEquals(99.5, json.get("p99_ms").asDouble(), 0.0);
    assertEquals(6.125, json.get("mean_ms").asDouble(), 0.0);
    assertEquals(30.5, json.get("cpu_core_seconds").asDouble(), 0.0);
    assertEquals(120, json.get("cpu_allocated_core_seconds").asDouble(), 0.0);
    assertEquals(123456, json.get("events").asLong());
    assertEquals("v1", json.get("trimtab_version").asText());
  }

  @Test
  void textIsStableAndPrettyPrinted() {
    String text = SummaryJson.render(RUN, Samples.summary(), "v1");
    assertEquals(text, SummaryJson.render(RUN, Samples.summary(), "v1"));
    assertTrue(text.startsWith("{\n  \"topology\" : \"social-network\",\n"), text);
    assertTrue(text.contains("\n  \"p50_ms\" : 4.250,\n"), text);
    assertTrue(text.endsWith("}\n"), text);
  }

  @Test
  void nonFiniteLatencyBecomesNull() throws Exception {
    var s = Samples.summary();
    var noneCompleted =
        new dev.trimtab.env.sim.RunSummary(
            s.requests(),
            0,
            s.dropped(),
            s.errors(),
            s.inFlight(),
            0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NaN,
            0,
            0,
            1,
            1);
    JsonNode json = new ObjectMapper().readTree(SummaryJson.render(RUN, noneCompleted, "v1"));
    assertTrue(json.get("p50_ms").isNull());
    assertTrue(json.get("p99_ms").isNull());
  }
}
