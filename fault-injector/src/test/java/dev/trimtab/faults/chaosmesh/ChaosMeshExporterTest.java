package dev.trimtab.faults.chaosmesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trimtab.faults.Fixtures;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosMeshExporterTest {
  private static final List<String> SERVICES = List.of("frontend", "cart", "db", "infer");

  @Test
  void theDocumentedCampaignExportsOneManifestPerExportableFault() throws Exception {
    Campaign c = CampaignLoader.parse(Fixtures.docExample(), "faults.md");
    String yaml = ChaosMeshExporter.export(c, SERVICES, "shop");
    List<JsonNode> docs =
        new YAMLMapper().readValues(new YAMLMapper().createParser(yaml), JsonNode.class).readAll();
    assertEquals(4, docs.size(), yaml);
    assertEquals(
        List.of("StressChaos", "NetworkChaos", "PodChaos", "HTTPChaos", "StressChaos")
            .subList(0, 4),
        docs.stream().limit(4).map(d -> d.get("kind").asText()).toList());
    for (JsonNode d : docs) {
      assertEquals("chaos-mesh.org/v1alpha1", d.get("apiVersion").asText());
      assertEquals("shop", d.at("/metadata/namespace").asText());
      assertTrue(d.at("/spec/duration").asText().endsWith("s"));
    }
    JsonNode cpu = docs.get(0);
    assertEquals("frontend", cpu.at("/spec/selector/labelSelectors/app").asText());
    assertEquals("all", cpu.at("/spec/mode").asText());
    assertEquals(80, cpu.at("/spec/stressors/cpu/load").asInt());
    assertEquals("10s", cpu.at("/spec/duration").asText());
    assertEquals("30", cpu.at("/metadata/annotations/trimtab.dev~1start-s").asText());
    JsonNode delay = docs.get(1);
    assertEquals("delay", delay.at("/spec/action").asText());
    assertEquals("one", delay.at("/spec/mode").asText());
    assertEquals("cart", delay.at("/spec/selector/labelSelectors/app").asText(), "ca* expanded");
    assertEquals("50ms", delay.at("/spec/delay/latency").asText());
    assertEquals("5ms", delay.at("/spec/delay/jitter").asText());
    assertEquals("to", delay.at("/spec/direction").asText());
    assertEquals("db", delay.at("/spec/target/selector/labelSelectors/app").asText());
    JsonNode crash = docs.get(2);
    assertEquals("pod-kill", crash.at("/spec/action").asText());
    assertEquals("fixed", crash.at("/spec/mode").asText());
    assertEquals("2", crash.at("/spec/value").asText(), "1 replica x 2 services");
    assertEquals(4, crash.at("/spec/selector/expressionSelectors/0/values").size());
    JsonNode errors = docs.get(3);
    assertEquals("fixed-percent", errors.at("/spec/mode").asText());
    assertEquals("50", errors.at("/spec/value").asText());
    assertEquals(500, errors.at("/spec/replace/code").asInt());
    for (String dropped :
        List.of(
            "faults[3] misconfigured-limit",
            "faults[5] flash-crowd",
            "faults[6] mix-shift",
            "faults[7] trace-swap")) {
      assertTrue(yaml.contains("# not exported: " + dropped), dropped + "\n" + yaml);
    }
    assertTrue(yaml.contains("# approximated: faults[4] error-injection"), yaml);
  }
}
