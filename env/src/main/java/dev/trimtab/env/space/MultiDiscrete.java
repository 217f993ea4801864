package dev.trimtab.env.space;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A vector of independent choices: value {@code v} has {@code 0 <= v[i] < nvec[i]} for every {@code
 * i}, as in Gymnasium's {@code MultiDiscrete(nvec)}. Fits an agent that picks, for example, one of
 * three CPU-limit moves and one of three memory-limit moves at once.
 */
public final class MultiDiscrete implements Space<int[]> {
  private final int[] nvec;

  /**
   * @param nvec the number of options of each component; at least one component, each at least 1
   */
  public MultiDiscrete(int... nvec) {
    if (nvec == null || nvec.length == 0) {
      throw new IllegalArgumentException("MultiDiscrete needs at least one component");
    }
    for (int i = 0; i < nvec.length; i++) {
      if (nvec[i] < 1) {
        throw new IllegalArgumentException(
            "MultiDiscrete nvec[" + i + "] must be at least 1, got " + nvec[i]);
      }
    }
    this.nvec = nvec.clone();
  }

  /** The number of options of each component (a copy). */
  public int[] nvec() {
    return nvec.clone();
  }

  /** The number of components. */
  public int size() {
    return nvec.length;
  }

  @Override
  public int[] sample(RandomGenerator random) {
    int[] value = new int[nvec.length];
    for (int i = 0; i < nvec.length; i++) {
      value[i] = random.nextInt(nvec[i]);
    }
    return value;
  }

  @Override
  public boolean contains(Object value) {
    if (!(value instanceof int[] v) || v.length != nvec.length) {
      return false;
    }
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0 || v[i] >= nvec[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equalValues(int[] first, int[] second) {
    return Arrays.equals(first, second);
  }

  @Override
  public String format(int[] value) {
    return Arrays.toString(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MultiDiscrete m && Arrays.equals(nvec, m.nvec);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(nvec);
  }

  @Override
  public String toString() {
    return "MultiDiscrete(" + Arrays.toString(nvec) + ")";
  }
}
