package dev.trimtab.rca.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.testdata.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The real Nezha Train-Ticket dataset (../shared/data), read as published. */
class NezhaDatasetTest {
  static Path dir() {
    return SharedData.require("traces/nezha-trainticket-2023-01-29");
  }

  @Test
  void twentyEightLabelledFaults() {
    List<LabelledWindow> w = DatasetFolder.load(dir());
    assertEquals(28, w.size());
    Map<String, Integer> kinds = new TreeMap<>();
    w.forEach(x -> kinds.merge(x.faultKind(), 1, Integer::sum));
    assertEquals(Map.of("cpu_contention", 4, "exception", 13, "return", 11), kinds);
    LabelledWindow first = w.get(0);
    assertEquals(java.util.Set.of("ts-contacts-service"), first.culprits());
    assertEquals("nezha-trainticket-2023-01-29/2023-01-29T08:43:04", first.run());
    assertEquals("trainticket", first.topology(), "the application is named from the folder");
    for (LabelledWindow x : w) {
      assertTrue(x.window().traces() > 50, x.run() + " has " + x.window().traces() + " traces");
      assertTrue(x.window().services().containsKey("ts-gateway-service"));
    }
    assertEquals(71, first.reference().traces(), "the baseline minute holds 71 whole traces");
    // metrics (one row a minute) and logs (the minutes around each fault) come along
    var signals = first.window().signals();
    assertTrue(signals.hasMetrics() && signals.hasLogs());
    assertTrue(signals.of("ts-contacts-service").cpu() > 0);
    assertTrue(signals.of("ts-contacts-service").logs().errors() > 0, "its return fault logs");
    var lead = first.reference().signals();
    assertTrue(lead.durationS() > 30 && lead.durationS() <= 120, "lead-in " + lead.durationS());
    assertTrue(signals.durationS() > 60 && signals.durationS() <= 180, "" + signals.durationS());
  }
}
