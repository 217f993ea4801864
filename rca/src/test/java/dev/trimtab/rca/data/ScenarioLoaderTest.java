package dev.trimtab.rca.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.faults.spec.FaultKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  @Test
  void bundledListsLoad() {
    List<Scenario> train = ScenarioLoader.resolve("sim-train");
    assertEquals(4 * 14, train.size());
    assertEquals("sn-cpu-contention", train.get(0).name());
    List<Scenario> loc = ScenarioLoader.resolve("loc-basic");
    assertEquals(12, loc.size());
    assertTrue(loc.stream().allMatch(s -> s.campaign() != null && s.durationS() == 150));
  }

  @Test
  void generatedCampaignsDependOnlyOnTheSeedAndHitCalledServices() {
    Scenario s = ScenarioLoader.resolve("sim-train").get(0);
    assertEquals(s.campaign(3), s.campaign(3));
    var called = Scenario.calledServices(s.topology());
    for (long seed = 1; seed <= 20; seed++) {
      var f = s.campaign(seed).faults().get(0);
      assertEquals(FaultKind.CPU_CONTENTION, f.kind());
      assertEquals(40, f.startS());
    }
    assertTrue(!called.contains("nginx-web-server"), "entry services are not called");
  }

  /** The complete example of docs/formats/rca-scenarios.md loads. */
  @Test
  void docExampleLoads() throws Exception {
    String page = Files.readString(Path.of("../docs/formats/rca-scenarios.md"));
    int start = page.indexOf("```yaml\n") + 8;
    List<Scenario> s =
        ScenarioLoader.parse(
            page.substring(start, page.indexOf("```", start)), "doc", Path.of("."));
    assertEquals(
        List.of("tt-cpu", "tt-delay", "hr-fixed"), s.stream().map(Scenario::name).toList());
  }

  @Test
  void mistakesNameTheField() {
    var e =
        assertThrows(
            ConfigException.class,
            () ->
                ScenarioLoader.parse(
                    "scenarios:\n  - {name: a, topology: social-network, workload: 'poisson:rate=1',"
                        + " durationS: 10, generate: {kind: flash-crowd, startS: 1, durationS: 1}}\n",
                    "f",
                    Path.of(".")));
    assertEquals("scenarios[0].generate.kind", e.field());
    e =
        assertThrows(
            ConfigException.class,
            () -> ScenarioLoader.parse("scenarios: []\n", "f", Path.of(".")));
    assertEquals("scenarios", e.field());
    e =
        assertThrows(
            ConfigException.class,
            () ->
                ScenarioLoader.parse(
                    "scenarios:\n  - {name: a, colour: red}\n", "f", Path.of(".")));
    assertEquals("scenarios[0].colour", e.field());
  }
}
