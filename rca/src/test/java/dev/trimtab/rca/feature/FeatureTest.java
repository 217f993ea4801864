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

  static ServiceStats calls(int entries, double entryMs, double hopMs, double fanOut) {
    return new ServiceStats(
        entries, entries, 1, 1, 0, 1, 0.1, 0, entryMs, entryMs, entries, entryMs, hopMs, fanOut);
  }

  /**
   * hop 9.9 against 0.9 ms: log 10; response 0.9 against 9.9 ms: |log 0.1|; calls out per call 0.9
   * against 1.9: |log(1 / 2)|. Fewer than 3 reference calls: no evidence.
   */
  @Test
  void callFeaturesCompareBothSidesOfACall() {
    ServiceStats now = calls(50, 0.9, 9.9, 0.9);
    ServiceStats ref = calls(80, 9.9, 0.9, 1.9);
    assertEquals(Math.log(10), Feature.HOP_CHANGE.value(now, WINDOW, ref, REFERENCE), 1e-12);
    assertEquals(Math.log(10), Feature.RESPONSE_SHIFT.value(now, WINDOW, ref, REFERENCE), 1e-12);
    assertEquals(Math.log(2), Feature.FANOUT_SHIFT.value(now, WINDOW, ref, REFERENCE), 1e-12);
    assertEquals(0, Feature.HOP_CHANGE.value(now, WINDOW, calls(2, 1, 1, 1), REFERENCE));
  }

  /**
   * CPU 0.49 against 0.09: log(0.5 / 0.1); success 0.8 against 0.95; client 0.099 s and server
   * 0.009 s against both 0.009: log(0.1 / 0.01); 12 error lines in 60 s against 0 in 120 s: log 13;
   * 3 of 4 lines of a template the reference never had.
   */
  @Test
  void metricAndLogFeatures() {
    var ref =
        new dev.trimtab.rca.telemetry.ServiceSignals(
            0.09,
            0.5,
            0.95,
            0.009,
            0.009,
            10,
            new dev.trimtab.rca.telemetry.LogCounts(20, 0, Map.of(1, 20)));
    var now =
        new dev.trimtab.rca.telemetry.ServiceSignals(
            0.49,
            0.5,
            0.8,
            0.009,
            0.099,
            10,
            new dev.trimtab.rca.telemetry.LogCounts(16, 12, Map.of(1, 4, 2, 12)));
    WindowStats w =
        WINDOW.withSignals(
            new dev.trimtab.rca.telemetry.WindowSignals(60, true, true, Map.of("a", now)));
    WindowStats r =
        REFERENCE.withSignals(
            new dev.trimtab.rca.telemetry.WindowSignals(120, true, true, Map.of("a", ref)));
    ServiceStats s = stats(10, 10, 1, 0.1, 0);
    assertEquals(Math.log(5), Feature.CPU_CHANGE.value("a", s, w, s, r), 1e-12);
    assertEquals(0, Feature.MEMORY_CHANGE.value("a", s, w, s, r), 1e-12);
    assertEquals(0.15, Feature.SUCCESS_DROP.value("a", s, w, s, r), 1e-12);
    assertEquals(Math.log(10), Feature.CLIENT_GAP_CHANGE.value("a", s, w, s, r), 1e-12);
    assertEquals(Math.log(13), Feature.ERROR_LOG_CHANGE.value("a", s, w, s, r), 1e-12);
    assertEquals(0.75, Feature.NEW_LOG_TEMPLATES.value("a", s, w, s, r), 1e-12);
    // a service nothing measured, and data without logs: no evidence, not NaN
    assertEquals(0, Feature.CPU_CHANGE.value("b", s, w, s, r));
    assertEquals(0, Feature.ERROR_LOG_CHANGE.value("a", s, WINDOW, s, REFERENCE));
  }
}
