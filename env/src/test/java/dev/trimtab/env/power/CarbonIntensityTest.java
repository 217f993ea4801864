package dev.trimtab.env.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CarbonIntensityTest {
  // 100 g/kWh for [0, 1800), 200 for [1800, 3600), 50 from 3600 on.
  private final CarbonIntensitySeries series =
      CarbonIntensitySeries.of(new double[] {0, 1800, 3600}, new double[] {100, 200, 50});

  @Test
  void lookupIsStepWiseAndHoldsTheLastSample() {
    assertEquals(100, series.gPerKWhAt(0));
    assertEquals(100, series.gPerKWhAt(1799.999));
    assertEquals(200, series.gPerKWhAt(1800));
    assertEquals(50, series.gPerKWhAt(3600));
    assertEquals(50, series.gPerKWhAt(1e9));
  }

  @Test
  void carbonIntegratesAcrossAChangeInsideTheInterval() {
    // 1 kW from 900 s to 2700 s: 0.25 kWh at 100 + 0.25 kWh at 200 = 25 + 50 = 75 g.
    assertEquals(75.0, series.carbonGrams(1000, 900, 2700), 1e-12);
    // 2 kW from 3000 s to 7200 s: 1/3 kWh at 200 + 2 kWh at 50 = 66.667 + 100 g.
    assertEquals(200.0 / 3 + 100, series.carbonGrams(2000, 3000, 7200), 1e-9);
    assertEquals(0.0, series.carbonGrams(1000, 900, 900));
    // Mean over [900, 2700] is (100 + 200) / 2.
    assertEquals(150.0, series.meanGPerKWh(900, 2700), 1e-12);
  }

  @Test
  void offsetShiftsSimulatedTimeIntoTheSeries() {
    CarbonIntensitySeries shifted = series.withOffset(900);
    assertEquals(100, shifted.gPerKWhAt(0));
    assertEquals(200, shifted.gPerKWhAt(900));
    assertEquals(75.0, shifted.carbonGrams(1000, 0, 1800), 1e-12);
    assertEquals(0.0, series.offsetS());
  }

  @Test
  void meterCountsCarbonWithTheSeries() {
    // 1 kW for [0, 900): 25 g; then [900, 2700): 75 g. Energy 2700 s * 1 kW = 0.75 kWh.
    EnergyMeter meter = new EnergyMeter(0, series);
    meter.advance(1000, 900);
    meter.advance(1000, 2700);
    assertEquals(100.0, meter.carbonG(), 1e-12);
    assertEquals(0.75, meter.energyKWh(), 1e-12);
  }

  @Test
  void constantIntensity() {
    // 500 W for an hour at 200 g/kWh: 0.5 kWh * 200 = 100 g.
    CarbonIntensity c = CarbonIntensity.constant(200);
    assertEquals(100.0, c.carbonGrams(500, 0, 3600), 1e-12);
    assertEquals(200.0, c.gPerKWhAt(123));
    assertThrows(IllegalArgumentException.class, () -> CarbonIntensity.constant(-1));
  }

  @Test
  void invalidSeriesAndIntervalsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CarbonIntensitySeries.of(new double[] {0, 0}, new double[] {1, 2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> CarbonIntensitySeries.of(new double[] {0}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> series.carbonGrams(1, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> series.gPerKWhAt(-1));
    assertThrows(IllegalArgumentException.class, () -> series.withOffset(-1));
  }
}
