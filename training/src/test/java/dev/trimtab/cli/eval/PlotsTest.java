package dev.trimtab.cli.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.RateShift;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotsTest {
  private static GroundTruth fault(int i, double startS, double endS) {
    return new GroundTruth(
        i,
        FaultKind.RATE_SHIFT,
        List.of(),
        startS * 1000,
        endS * 1000,
        2,
        new RateShift(startS, endS - startS, 2));
  }

  @Test
  void overlappingFaultWindowsMergeInTimeOrder() {
    List<double[]> w =
        Plots.windows(List.of(fault(0, 50, 110), fault(1, 40, 60), fault(2, 120, 130)));
    assertEquals(2, w.size());
    assertArrayEquals(new double[] {40, 110}, w.get(0));
    assertArrayEquals(new double[] {120, 130}, w.get(1));
  }
}
