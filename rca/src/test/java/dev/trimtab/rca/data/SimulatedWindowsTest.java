package dev.trimtab.rca.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.campaign.CampaignLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedWindowsTest {
  static final String CAMPAIGN =
      "name: c\nfaults:\n  - kind: cpu-contention\n    target: {services: [rate], mode: all}\n"
          + "    startS: 40\n    durationS: 12.5\n    intensity: 0.9\n";

  static List<LabelledWindow> run(long seed) {
    return SimulatedWindows.run(
        "hr/seed-" + seed,
        Topologies.resolve("hotel-reservation"),
        WorkloadLoader.resolve("poisson:rate=200", Path.of(".")),
        CampaignLoader.parse(CAMPAIGN, "test"),
        60,
        seed,
        SimulatedWindows.Options.DEFAULT);
  }

  /**
   * 60 s in 5-s windows; the fault covers [40, 52.5): windows 40-45 and 45-50 fully, 50-55 half
   * (labelled, 50% is the threshold). Windows from 55 s are clean, the rest before 40 too.
   */
  @Test
  void windowsAreLabelledFromTheGroundTruth() {
    List<LabelledWindow> w = run(1);
    assertEquals(12, w.size());
    for (LabelledWindow x : w) {
      boolean faulty = x.startS() >= 40 && x.startS() < 55;
      assertEquals(faulty ? Set.of("rate") : Set.of(), x.culprits(), "window " + x.startS());
      assertEquals(faulty ? "cpu-contention" : "none", x.faultKind());
      assertTrue(x.window().traces() > 300, "traces " + x.window().traces());
    }
    assertTrue(w.get(0).reference().traces() > 2000);
    assertTrue(
        w.get(9).window().of("rate").meanSelfMs()
            > 3 * w.get(0).reference().of("rate").meanSelfMs(),
        "contention slows rate down");
  }

  @Test
  void sameSeedSameWindows() {
    assertEquals(run(2), run(2));
  }
}
