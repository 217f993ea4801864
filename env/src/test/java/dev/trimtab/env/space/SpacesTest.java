package dev.trimtab.env.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpacesTest {

  @Test
  void boxContainsOnlyVectorsOfItsLengthInsideItsBounds() {
    Box box = new Box(new double[] {0, -1}, new double[] {1, Double.POSITIVE_INFINITY});
    assertTrue(box.contains(new double[] {0, -1}));
    assertTrue(box.contains(new double[] {1, 1e300}));
    assertFalse(box.contains(new double[] {1.0000001, 0}));
    assertFalse(box.contains(new double[] {0.5, -1.5}));
    assertFalse(box.contains(new double[] {Double.NaN, 0}));
    assertFalse(box.contains(new double[] {0.5}));
    assertFalse(box.contains(new double[] {0.5, 0, 0}));
    assertFalse(box.contains(new float[] {0.5f, 0}));
    assertFalse(box.contains(null));
  }

  @Test
  void boxRejectsBoundsThatDescribeNoSet() {
    assertThrows(IllegalArgumentException.class, () -> Box.of(2, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Box.of(1, Double.NaN, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> Box.of(1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new Box(new double[2], new double[3]));
    assertThrows(IllegalArgumentException.class, () -> Box.of(0, 0, 1));
  }

  @Test
  void boxKeepsItsOwnCopyOfTheBounds() {
    double[] low = {0};
    double[] high = {1};
    Box box = new Box(low, high);
    high[0] = 5;
    box.high()[0] = 7;
    assertFalse(box.contains(new double[] {2}));
    assertEquals(Box.of(1, 0, 1), box);
  }

  /** Sample means against the distributions' means: uniform (a+b)/2, low + Exp(1) = low + 1. */
  @Test
  void boxSamplesFollowTheDocumentedDistributions() {
    Box box =
        new Box(
            new double[] {2, 5, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
            new double[] {4, Double.POSITIVE_INFINITY, -3, Double.POSITIVE_INFINITY});
    SplittableRandom random = new SplittableRandom(7);
    int n = 20_000;
    double[] sum = new double[4];
    for (int i = 0; i < n; i++) {
      double[] x = box.sample(random);
      for (int d = 0; d < 4; d++) {
        sum[d] += x[d];
      }
    }
    assertEquals(3.0, sum[0] / n, 0.02, "uniform on [2, 4]");
    assertEquals(6.0, sum[1] / n, 0.03, "5 + Exp(1)");
    assertEquals(-4.0, sum[2] / n, 0.03, "-3 - Exp(1)");
    assertEquals(0.0, sum[3] / n, 0.03, "standard normal");
  }

  @Test
  void discreteDrawsEveryValueAboutEquallyOften() {
    Discrete space = new Discrete(4, 10);
    int[] counts = new int[4];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 40_000; i++) {
      counts[space.sample(random) - 10]++;
    }
    for (int count : counts) {
      assertEquals(10_000, count, 300);
    }
    assertEquals(13, space.last());
    assertFalse(space.contains(9));
    assertFalse(space.contains(14));
    assertFalse(space.contains(10L));
    assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    assertThrows(IllegalArgumentException.class, () -> new Discrete(2, Integer.MAX_VALUE));
  }

  @Test
  void multiDiscreteChecksLengthAndEveryComponent() {
    MultiDiscrete space = new MultiDiscrete(3, 2);
    assertTrue(space.contains(new int[] {2, 1}));
    assertFalse(space.contains(new int[] {3, 0}));
    assertFalse(space.contains(new int[] {0, 2}));
    assertFalse(space.contains(new int[] {0}));
    assertFalse(space.contains(new long[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> new MultiDiscrete(3, 0));
    assertThrows(IllegalArgumentException.class, MultiDiscrete::new);
  }

  @Test
  void dictSortsItsKeysWhateverOrderItWasBuiltIn() {
    Map<String, Space<?>> forward = new LinkedHashMap<>();
    forward.put("cpu", Box.of(2, 0, 1));
    forward.put("action", new Discrete(3));
    Map<String, Space<?>> backward = new LinkedHashMap<>();
    backward.put("action", new Discrete(3));
    backward.put("cpu", Box.of(2, 0, 1));
    Dict first = new Dict(forward);
    Dict second = new Dict(backward);
    assertEquals(first, second);
    assertEquals(List.of("action", "cpu"), first.keys());
    Map<String, Object> a = first.sample(new SplittableRandom(11));
    Map<String, Object> b = second.sample(new SplittableRandom(11));
    assertTrue(first.equalValues(a, b));
    assertEquals(List.of("action", "cpu"), List.copyOf(a.keySet()));
  }

  @Test
  void dictContainsOnlyMapsWithExactlyItsKeys() {
    Dict space = new Dict(Map.of("n", new Discrete(2), "x", Box.of(1, 0, 1)));
    assertTrue(space.contains(Map.of("n", 1, "x", new double[] {0.5})));
    assertFalse(space.contains(Map.of("n", 1)), "a missing key");
    assertFalse(space.contains(Map.of("n", 1, "x", new double[] {0.5}, "y", 0)), "an extra key");
    assertFalse(space.contains(Map.of("n", 2, "x", new double[] {0.5})), "a value outside");
    assertFalse(space.contains(List.of(1)));
    assertThrows(IllegalArgumentException.class, () -> new Dict(Map.of()));
    assertThrows(IllegalArgumentException.class, () -> space.get("z"));
  }

  @Test
  void equalValuesComparesContentBitForBit() {
    Box box = Box.unbounded(2);
    assertTrue(box.equalValues(new double[] {1, 2}, new double[] {1, 2}));
    assertFalse(box.equalValues(new double[] {0.0, 2}, new double[] {-0.0, 2}));
    assertEquals("[1.0, 2.0]", box.format(new double[] {1, 2}));
  }
}
