package dev.trimtab.env.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GpuDvfsModelTest {
  // alpha 0.6, P0 50 W, 100 W dynamic at fmax 1500 MHz, gamma 2.
  private final GpuDvfsModel model = new GpuDvfsModel("hand", 1500, 0.6, 50, 100, 2);

  @Test
  void latencyAndPowerAtTwoFrequenciesMatchHandValues() {
    // At fmax: scale 0.6 * 1 + 0.4 = 1; power 50 + 100 * 1^2 = 150 W.
    assertEquals(10.0, model.latencyMs(10, 1500), 1e-12);
    assertEquals(150.0, model.powerW(1500), 1e-12);
    // At 750 MHz: scale 0.6 * 2 + 0.4 = 1.6 -> 16 ms; power 50 + 100 * 0.5^2 = 75 W.
    assertEquals(16.0, model.latencyMs(10, 750), 1e-12);
    assertEquals(1 / 1.6, model.relativePerformance(750), 1e-12);
    assertEquals(75.0, model.powerW(750), 1e-12);
    // Energy of the 10 ms op at 750 MHz: 75 W * 0.016 s = 1.2 J (vs 1.5 J at fmax).
    assertEquals(1.2, model.energyJ(10, 750), 1e-12);
    assertEquals(1.5, model.energyJ(10, 1500), 1e-12);
    // a = 100 / 1500^2 W/MHz^2.
    assertEquals(100.0 / 2_250_000, model.powerCoefficient(), 1e-18);
  }

  @Test
  void levelsAreTheThirteenMeasuredFrequencies() {
    assertEquals(13, GpuDvfsModel.levelCount());
    assertEquals(757, GpuDvfsModel.level(0));
    assertEquals(1012, GpuDvfsModel.level(4));
    assertEquals(1530, GpuDvfsModel.level(12));
    assertThrows(IndexOutOfBoundsException.class, () -> GpuDvfsModel.level(13));
    assertThrows(IndexOutOfBoundsException.class, () -> GpuDvfsModel.level(-1));
  }

  @Test
  void invalidParametersAndFrequenciesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new GpuDvfsModel("x", 1500, 1.1, 50, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new GpuDvfsModel("x", 1500, 0.5, -1, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new GpuDvfsModel("x", 1500, 0.5, 1, 1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new GpuDvfsModel("x", 0, 0.5, 1, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> model.powerW(0));
    assertThrows(IllegalArgumentException.class, () -> model.latencyMs(1, Double.NaN));
  }

  @Test
  void namedProfilesResolveAliasesAndRejectUnknownNames() {
    assertSame(GpuDvfsModel.profile("ResN50"), GpuDvfsModel.profile("dnn-inference"));
    assertSame(GpuDvfsModel.profile("GeMM"), GpuDvfsModel.profile("compute-bound"));
    assertSame(GpuDvfsModel.profile("BWtest"), GpuDvfsModel.profile("memory-bound"));
    assertEquals(33 + 3, GpuDvfsModel.profileNames().size());
    // GeMM scales with the clock far more than the bandwidth test does.
    assertTrue(
        GpuDvfsModel.profile("compute-bound").computeBoundFraction()
            > GpuDvfsModel.profile("memory-bound").computeBoundFraction() + 0.5);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GpuDvfsModel.profile("nope"));
    assertTrue(e.getMessage().contains("dnn-inference") && e.getMessage().contains("VGG19"));
  }
}
