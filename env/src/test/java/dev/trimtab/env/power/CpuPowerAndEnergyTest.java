package dev.trimtab.env.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CpuPowerAndEnergyTest {
  // 1 W idle and 3 W busy per core keep the hand arithmetic simple.
  private final CpuPowerModel cpu = new CpuPowerModel(1, 3);

  @Test
  void threeIntervalsOfKnownUtilisationGiveHandComputedJoules() {
    // 2 cores: 10 s at 0 % -> 2 W * 10 s = 20 J; 20 s at 50 % -> 2 * (1 + 2 * 0.5) = 4 W -> 80 J;
    // 30 s at 100 % -> 2 * 3 = 6 W -> 180 J. Total 280 J = 280 / 3.6e6 kWh.
    EnergyMeter meter = new EnergyMeter(100);
    meter.advance(cpu.powerW(2, 0.0), 110);
    meter.advance(cpu.powerW(2, 0.5), 130);
    meter.advance(cpu.powerW(2, 1.0), 160);
    assertEquals(280.0, meter.energyJ(), 1e-12);
    assertEquals(280.0 / 3.6e6, meter.energyKWh(), 1e-18);
    assertEquals(160.0, meter.nowS());
    assertEquals(0.0, meter.carbonG());
    assertEquals(
        20.0 + 80.0 + 180.0,
        cpu.energyJ(2, 0, 10) + cpu.energyJ(2, 0.5, 20) + cpu.energyJ(2, 1, 30),
        1e-12);
  }

  @Test
  void energyFromCpuTimeEqualsEnergyFromUtilisation() {
    // 50 % of 2 cores for 20 s is 20 000 core-ms: 1 * 2 * 20 + (3 - 1) * 20 = 80 J.
    assertEquals(80.0, cpu.energyFromCpuTimeJ(2, 20_000, 20), 1e-12);
    assertEquals(cpu.energyJ(2, 0.5, 20), cpu.energyFromCpuTimeJ(2, 20_000, 20), 1e-12);
  }

  @Test
  void defaultIsTheCloudCarbonFootprintAwsAverage() {
    // 4 vCPUs at 50 %: 4 * (0.74 + (3.5 - 0.74) * 0.5) = 8.48 W.
    assertEquals(8.48, CpuPowerModel.DEFAULT.powerW(4, 0.5), 1e-12);
  }

  @Test
  void manySmallStepsAddUpWithoutDrift() {
    // 1e6 steps of 1 ms at 0.1 W: exactly 100 J in real arithmetic (compensated sum).
    EnergyMeter meter = new EnergyMeter(0);
    for (int i = 1; i <= 1_000_000; i++) {
      meter.advance(0.1, i * 1e-3);
    }
    assertEquals(100.0, meter.energyJ(), 1e-9);
  }

  @Test
  void invalidInputsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new CpuPowerModel(3, 1));
    assertThrows(IllegalArgumentException.class, () -> cpu.powerW(2, 1.5));
    assertThrows(IllegalArgumentException.class, () -> cpu.powerW(-1, 0.5));
    EnergyMeter meter = new EnergyMeter(10);
    assertThrows(IllegalArgumentException.class, () -> meter.advance(1, 9));
    assertThrows(IllegalArgumentException.class, () -> meter.advance(-1, 11));
  }
}
