package dev.trimtab.testbed.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of calibration on hand-made counter readings. */
class CalibrationTest {
  private static final Topology BOUTIQUE = Topologies.resolve("boutique");

  @Test
  void overheadIsCpuBeyondBurstsAndIdlePerCall() {
    ServiceSpec currency = BOUTIQUE.service("currency");
    Calibration.Counters before =
        new Calibration.Counters(
            Map.of(
                "supported-currencies",
                new long[] {10, 5_000_000},
                "convert",
                new long[] {100, 100_000_000}));
    Calibration.Counters after =
        new Calibration.Counters(
            Map.of(
                "supported-currencies", new long[] {30, 15_000_000},
                "convert", new long[] {400, 400_000_000}));
    // window 10 s, idle 0.01 cores = 100 ms; CPU 1 s; bursts 10 ms + 300 ms; calls 20 + 300
    Calibration.ServiceCost c = Calibration.cost(currency, 10, 0.01, 1_000_000_000L, before, after);
    assertEquals(320, c.calls());
    assertEquals((1000 - 310 - 100) / 320.0, c.overheadMsPerCall(), 1e-12);
    assertEquals(0.5, c.burstMsPerCall().get("supported-currencies"), 1e-12);
    assertEquals(1.0, c.burstMsPerCall().get("convert"), 1e-12);
    assertEquals(0.1, c.cpuCores(), 1e-12);
  }

  @Test
  void applyAddsTheOverheadToEachBurstAndShrinksCvAccordingly() {
    Calibration.ServiceCost cost =
        new Calibration.ServiceCost(
            "currency",
            0.01,
            0.1,
            320,
            1.5,
            Map.of("supported-currencies", 0.5, "convert", Double.NaN),
            Map.of("supported-currencies", 20L, "convert", 0L));
    Topology t = Calibration.apply(BOUTIQUE, List.of(cost));
    OperationSpec supported = t.service("currency").operation("supported-currencies");
    assertEquals(2.0, supported.demandCoreMs().meanMs(), 1e-12, "0.5 measured + 1.5");
    assertEquals(0.5 * 0.5 / 2.0, supported.demandCoreMs().cv(), 1e-12, "cv x burst / mean");
    OperationSpec convert = t.service("currency").operation("convert");
    double burst = BOUTIQUE.service("currency").operation("convert").demandCoreMs().meanMs();
    assertEquals(burst + 1.5, convert.demandCoreMs().meanMs(), 1e-12, "no call: topology's burst");
    assertEquals(BOUTIQUE.service("cart"), t.service("cart"), "services not measured are kept");
    assertEquals(BOUTIQUE.endpoints(), t.endpoints());
    assertTrue(Calibration.sameShape(BOUTIQUE, t));
    assertFalse(Calibration.sameShape(BOUTIQUE, Topologies.resolve("hotel-reservation")));
  }

  @Test
  void roundingKeepsFourSignificantDigits() {
    assertEquals(1.235, Calibration.round(1.23456), 1e-12);
    assertEquals(0.0001235, Calibration.round(0.00012345), 1e-15);
    assertEquals(1235, Calibration.round(1234.5), 1e-9);
    assertEquals(0, Calibration.round(0));
  }
}
