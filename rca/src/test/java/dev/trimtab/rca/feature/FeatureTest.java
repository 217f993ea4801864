package dev.trimtab.rca.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Change features against hand-computed values, and the guard for sparse references. */
class FeatureTest {
  private static final WindowStats WINDOW = new WindowStats(100, 10, Map.of());
  private static final WindowStats REFERENCE = new WindowStats(200, 5, Map.of());

  static ServiceStats stats(int traces, int onPath, double selfMs, double share, int errors) {
    return new ServiceStats(traces, onPath, selfMs, 1.9, 0, 1, share, errors, selfMs, selfMs);
  }

  /** self 9.9 ms against 0.9 ms: log(10 / 1); share 0.5 - 0.2; errors 20/100 - 4/200. */
  @Test
  void changesCompareTheWindowWithItsReference() {
    ServiceStats now = stats(100, 100, 9.9, 0.5, 20);
    ServiceStats ref = stats(200, 200, 0.9, 0.2, 4);
    assertEquals(Math.log(10), Feature.SELF_CHANGE.value(now, WINDOW, ref, REFERENCE), 1e-12);
    assertEquals(0, Feature.INBOUND_CHANGE.value(now, WINDOW, ref, REFERENCE), 1e-12);
    assertEquals(0.3, Feature.SHARE_CHANGE.value(now, WINDOW, ref, REFERENCE), 1e-12);
    assertEquals(0.18, Feature.ERROR_ORIGIN.value(now, WINDOW, ref, REFERENCE), 1e-12);
  }

  /**
   * On the path of 2 reference traces (fewer than 3): no evidence, so the path changes are 0
   * however large the ratio would be, and error origins are compared with none (20/100 - 0).
   */
  @Test
  void aServiceTheReferenceBarelySawHasNoPathChanges() {
    ServiceStats now = stats(100, 100, 9.9, 0.5, 20);
    ServiceStats ref = stats(2, 2, 0.9, 0.2, 1);
    assertEquals(0, Feature.SELF_CHANGE.value(now, WINDOW, ref, REFERENCE));
    assertEquals(0, Feature.INBOUND_CHANGE.value(now, WINDOW, ref, REFERENCE));
    assertEquals(0, Feature.SHARE_CHANGE.value(now, WINDOW, ref, REFERENCE));
    assertEquals(0.2, Feature.ERROR_ORIGIN.value(now, WINDOW, ref, REFERENCE), 1e-12);
  }
}
