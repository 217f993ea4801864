package dev.trimtab.testbed.live.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Slo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed nearest-rank figures, the definitions of docs/simulator.md "Metrics". */
class ClientWindowTest {
  private static final EndpointSpec E =
      new EndpointSpec("e", 1, new Slo(90, 25), new CallNode("s", "op", 1, List.of()));

  private static RequestRecord done(double ms) {
    return new RequestRecord(0, 0, Math.round(ms * 1e6), RequestRecord.COMPLETED);
  }

  @Test
  void percentilesAreNearestRankAndFailuresCountAsInfinitelySlow() {
    ClientWindow w = new ClientWindow(List.of(E));
    for (int i = 1; i <= 10; i++) {
      w.arrived(0);
      w.ended(done(i * 10));
    }
    // 10, 20, ..., 100: p50 = ceil(0.5 x 10) = 5th = 50; p99 = ceil(9.9) = 10th = 100
    assertEquals(50, w.percentileMs(50), 1e-9);
    assertEquals(100, w.percentileMs(99), 1e-9);
    EndpointMetrics m = w.endpointMetrics().get(0);
    assertEquals(90, m.sloLatencyMs(), 1e-9, "p90 of 10 = 9th");
    assertTrue(m.sloViolated(), "90 > 25");
    assertEquals(0.2, m.sloAttainment(), 1e-12, "10 and 20 within 25 ms");
    w.ended(new RequestRecord(0, 0, 1, RequestRecord.DROPPED));
    w.ended(new RequestRecord(0, 0, 1, RequestRecord.ERRORED));
    m = w.endpointMetrics().get(0);
    // 12 answered; p90 rank ceil(10.8) = 11 > 10 completed: infinite
    assertEquals(Double.POSITIVE_INFINITY, m.sloLatencyMs());
    assertEquals(2, m.failed());
    assertEquals(1, w.dropped());
    assertEquals(1, w.errored());
    assertEquals(2.0 / 12, m.sloAttainment(), 1e-12);
  }

  @Test
  void anEmptyIntervalMeetsItsSlo() {
    EndpointMetrics m = new ClientWindow(List.of(E)).endpointMetrics().get(0);
    assertEquals(0, m.sloLatencyMs());
    assertFalse(m.sloViolated());
    assertEquals(1, m.sloAttainment());
  }
}
