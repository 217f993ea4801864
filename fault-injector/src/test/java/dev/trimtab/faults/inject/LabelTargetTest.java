package dev.trimtab.faults.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label selectors against the labels of the bundled gpu-inference topology. */
class LabelTargetTest {
  private static List<String> hit(String target) {
    Campaign c =
        CampaignLoader.parse(
            "name: t\nfaults:\n  - {kind: hang, startS: 1, durationS: 1, target: " + target + "}\n",
            "t");
    Simulation sim =
        Simulation.create(
            Topologies.resolve("gpu-inference"),
            WorkloadLoader.parseSpec("poisson:rate=5", Path.of(".")),
            1);
    try (SimulatedInjector injector = SimulatedInjector.attach(sim, c, 3)) {
      sim.runFor(3000);
      return injector.groundTruth().get(0).services();
    }
  }

  @Test
  void labelsSelectTheServicesThatCarryThemAll() {
    // gpu-inference labels: gateway tier=frontend; preprocess, postprocess tier=cpu-stage;
    // encoder, decoder tier=gpu-stage
    assertEquals(List.of("encoder", "decoder"), hit("{labels: {tier: gpu-stage}, mode: all}"));
    assertEquals(
        List.of("postprocess"),
        hit("{services: ['post*', 'gateway'], labels: {tier: cpu-stage}, mode: all}"));
  }

  @Test
  void aTargetNeedsServicesOrLabels() {
    ConfigException e = assertThrows(ConfigException.class, () -> hit("{mode: all}"));
    assertEquals("faults[0].target.services", e.field());
  }
}
