package dev.trimtab.env.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The format page's complete example parses, so the page and the loader cannot drift apart. */
class TopologyDocTest {
  private static final String MARKER = "<!-- example: topology -->";

  static String exampleFromDoc() throws Exception {
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/formats/topology.md");
    String text = Files.readString(doc);
    int marker = text.indexOf(MARKER);
    assertTrue(marker >= 0, "no " + MARKER + " in " + doc);
    int start = text.indexOf("```yaml\n", marker) + "```yaml\n".length();
    int end = text.indexOf("```", start);
    return text.substring(start, end);
  }

  @Test
  void theCompleteExampleLoadsAsDescribed() throws Exception {
    Topology t = TopologyLoader.parse(exampleFromDoc(), "docs/formats/topology.md");
    assertEquals("shop", t.name());
    assertEquals(3, t.services().size());
    assertEquals(2, t.services().get(0).replicas());
    assertEquals(1.0, t.service("frontend").operation("list-products").demandCoreMs().cv());
    assertEquals(LoadBalancing.POWER_OF_TWO_CHOICES, t.service("frontend").loadBalancing());
    assertEquals(CpuSharing.PROCESSOR_SHARING, t.service("frontend").cpuSharing());
    assertEquals(LoadBalancing.RANDOM, t.service("catalog").loadBalancing());
    assertEquals(CpuSharing.FCFS, t.service("catalog").cpuSharing());
    CallNode checkout = t.endpoints().get(1).root();
    assertEquals(2, checkout.steps().get(0).parallel().size());
  }

  /** The anchors example of docs/formats/yaml.md, inside a topology, gives two like services. */
  @Test
  void theSharedRulesPagesAnchorExampleBindsAsItSays() throws Exception {
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/formats/yaml.md");
    String text = Files.readString(doc);
    int start = text.indexOf("```yaml\n") + "```yaml\n".length();
    String block = text.substring(start, text.indexOf("```", start)).stripIndent();
    String yaml =
        "name: t\n"
            + block
            + "endpoints:\n  - {name: e, slo: {percentile: 99, latencyMs: 50},"
            + " root: {call: cart/read, steps: [{call: wishlist/read}]}}\n";
    Topology t = TopologyLoader.parse(yaml, "docs/formats/yaml.md");
    ServiceSpec cart = t.service("cart");
    ServiceSpec wishlist = t.service("wishlist");
    assertEquals(cart.operations(), wishlist.operations());
    assertEquals(256, wishlist.memoryLimitMiB());
    assertEquals(0.5, wishlist.cpuLimitCores());
    assertEquals(100, wishlist.workingSetMiB());
  }

  @Test
  void theDocsHandComputedDatabaseLoadMatchesOfferedLoad() throws Exception {
    Topology t = TopologyLoader.parse(exampleFromDoc(), "doc");
    double[] cores = OfferedLoad.busyCores(t, 100);
    // 100/s x (0.9 x 0.2 x 1.0 + 0.1 x 1.5) core-ms = 33 core-ms/s, as the page says.
    assertEquals(0.033, cores[t.serviceIndex("catalog-db")], 1e-12);
    // catalog: 100/s x (0.9 x 0.3 + 0.1 x (0.3 + 0.5)) core-ms = 0.035 cores, on a 0.25-core limit.
    assertEquals(0.035, cores[t.serviceIndex("catalog")], 1e-12);
    assertEquals(0.14, OfferedLoad.utilisation(t, 100)[t.serviceIndex("catalog")], 1e-12);
    // frontend: 100/s x (0.9 x 0.4 + 0.1 x 0.8) = 0.044 cores over 2 replicas x 0.5 cores.
    assertEquals(0.044, OfferedLoad.utilisation(t, 100)[t.serviceIndex("frontend")], 1e-12);
  }
}
