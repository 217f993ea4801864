package dev.trimtab.env.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties over many generated spaces and seeds: every sample is inside its space, equal seeds
 * give equal samples, and values just outside are not contained. The generator is seeded, so every
 * build checks the same cases; a failure names the case.
 */
class SpacePropertiesTest {
  private static final int CASES = 300;

  @Test
  void boxSamplesAreInsideAndSeeded() {
    SplittableRandom cases = new SplittableRandom(20250101);
    for (int c = 0; c < CASES; c++) {
      Box box = randomBox(cases);
      long seed = cases.nextLong();
      for (int draw = 0; draw < 5; draw++) {
        double[] sample = box.sample(new SplittableRandom(seed + draw));
        String name = "case " + c + ": " + box;
        assertTrue(box.contains(sample), name);
        assertArrayEquals(sample, box.sample(new SplittableRandom(seed + draw)), name);
      }
    }
  }

  /** Extreme finite bounds: the interpolation must neither overflow nor leave the box. */
  @Test
  void boxSamplesStayInsideExtremeBounds() {
    Box box =
        new Box(
            new double[] {-Double.MAX_VALUE, Double.MAX_VALUE, 0, -Double.MAX_VALUE},
            new double[] {
              Double.MAX_VALUE, Double.MAX_VALUE, Double.MIN_VALUE, Double.POSITIVE_INFINITY
            });
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      assertTrue(box.contains(box.sample(random)));
    }
  }

  @Test
  void discreteSamplesAreInsideAndSeeded() {
    SplittableRandom cases = new SplittableRandom(20250102);
    for (int c = 0; c < CASES; c++) {
      int n = 1 + cases.nextInt(1000);
      int start = cases.nextInt(-1000, 1001);
      Discrete space = new Discrete(n, start);
      long seed = cases.nextLong();
      SplittableRandom first = new SplittableRandom(seed);
      SplittableRandom second = new SplittableRandom(seed);
      for (int draw = 0; draw < 20; draw++) {
        int sample = space.sample(first);
        assertTrue(sample >= start && sample <= start + n - 1, space + " sampled " + sample);
        assertTrue(space.contains(sample));
        assertEquals(sample, space.sample(second));
      }
      assertFalse(space.contains(start - 1));
      assertFalse(space.contains(start + n));
    }
  }

  @Test
  void multiDiscreteSamplesAreInsideAndSeeded() {
    SplittableRandom cases = new SplittableRandom(20250103);
    for (int c = 0; c < CASES; c++) {
      int[] nvec = randomNvec(cases);
      MultiDiscrete space = new MultiDiscrete(nvec);
      long seed = cases.nextLong();
      int[] sample = space.sample(new SplittableRandom(seed));
      assertTrue(space.contains(sample), space.toString());
      assertArrayEquals(sample, space.sample(new SplittableRandom(seed)));
      for (int i = 0; i < nvec.length; i++) {
        int[] tooBig = sample.clone();
        tooBig[i] = nvec[i];
        assertFalse(space.contains(tooBig), space + ": component " + i + " = nvec[i]");
        int[] negative = sample.clone();
        negative[i] = -1;
        assertFalse(space.contains(negative));
      }
    }
  }

  @Test
  void dictSamplesAreInsideAndSeeded() {
    SplittableRandom cases = new SplittableRandom(20250104);
    for (int c = 0; c < CASES; c++) {
      Map<String, Space<?>> parts = new LinkedHashMap<>();
      parts.put("load", randomBox(cases));
      parts.put("moves", new MultiDiscrete(randomNvec(cases)));
      parts.put("choice", new Discrete(3));
      Dict space = new Dict(parts);
      long seed = cases.nextLong();
      Map<String, Object> sample = space.sample(new SplittableRandom(seed));
      assertTrue(space.contains(sample), space.toString());
      assertTrue(space.equalValues(sample, space.sample(new SplittableRandom(seed))));
      Map<String, Object> broken = new LinkedHashMap<>(sample);
      broken.put("choice", 3);
      assertFalse(space.contains(broken), "a Dict holding an outside value must not contain it");
    }
  }

  /** 1 to 6 dimensions, each finite, half-bounded either way, or unbounded. */
  private static Box randomBox(SplittableRandom random) {
    int dims = 1 + random.nextInt(6);
    double[] lows = new double[dims];
    double[] highs = new double[dims];
    for (int i = 0; i < dims; i++) {
      double low = random.nextDouble(-1e6, 1e6);
      double width = random.nextInt(4) == 0 ? 0 : random.nextDouble(0, 1e6);
      switch (random.nextInt(4)) {
        case 0 -> {
          lows[i] = low;
          highs[i] = low + width;
        }
        case 1 -> {
          lows[i] = low;
          highs[i] = Double.POSITIVE_INFINITY;
        }
        case 2 -> {
          lows[i] = Double.NEGATIVE_INFINITY;
          highs[i] = low;
        }
        default -> {
          lows[i] = Double.NEGATIVE_INFINITY;
          highs[i] = Double.POSITIVE_INFINITY;
        }
      }
    }
    return new Box(lows, highs);
  }

  private static int[] randomNvec(SplittableRandom random) {
    int[] nvec = new int[1 + random.nextInt(6)];
    for (int i = 0; i < nvec.length; i++) {
      nvec[i] = 1 + random.nextInt(50);
    }
    return nvec;
  }
}
