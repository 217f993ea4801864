package dev.trimtab.env.space;

import java.util.random.RandomGenerator;

/**
 * The integers {@code start, start + 1, ..., start + n - 1}: a choice among {@code n} options, as
 * in Gymnasium's {@code Discrete(n, start)}.
 *
 * @param n the number of values; at least 1
 * @param start the smallest value
 */
public record Discrete(int n, int start) implements Space<Integer> {

  public Discrete {
    if (n < 1) {
      throw new IllegalArgumentException("Discrete n must be at least 1, got " + n);
    }
    if ((long) start + n - 1 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "Discrete start + n - 1 must fit in an int, got start=" + start + " n=" + n);
    }
  }

  /** The integers {@code 0 .. n - 1}. */
  public Discrete(int n) {
    this(n, 0);
  }

  /** The largest value, {@code start + n - 1}. */
  public int last() {
    return start + n - 1;
  }

  @Override
  public Integer sample(RandomGenerator random) {
    return start + random.nextInt(n);
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Integer i && i >= start && i <= last();
  }

  @Override
  public boolean equalValues(Integer first, Integer second) {
    return first.equals(second);
  }

  @Override
  public String format(Integer value) {
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return "Discrete(" + n + ", start=" + start + ")";
  }
}
