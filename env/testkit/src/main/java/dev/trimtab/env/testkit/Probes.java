package dev.trimtab.env.testkit;

import dev.trimtab.env.space.Space;

/** Small checks shared by the two checkers. */
final class Probes {
  private Probes() {}

  /** Runs {@code call} and fails {@code rule} unless it throws {@code expected} (or a subclass). */
  static void expectThrows(
      EnvRule rule, Class<? extends RuntimeException> expected, String what, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      if (expected.isInstance(e)) {
        return;
      }
      throw new EnvCheckException(
          rule, what + " threw " + e + ", expected " + expected.getSimpleName(), e);
    }
    throw new EnvCheckException(
        rule, what + " returned normally, expected " + expected.getSimpleName());
  }

  static <T> void inSpace(EnvRule rule, Space<T> space, T value, String where) {
    if (!space.contains(value)) {
      throw new EnvCheckException(
          rule, where + ": " + render(space, value) + " is not inside " + space);
    }
  }

  static void finiteReward(double reward, String where) {
    if (!Double.isFinite(reward)) {
      throw new EnvCheckException(EnvRule.REWARD_FINITE, where + ": reward " + reward);
    }
  }

  static void sameObject(Object expected, Object actual, String what) {
    if (expected != actual) {
      throw new EnvCheckException(
          EnvRule.SPACES_STABLE,
          what + " returned a different object than before (" + expected + " then " + actual + ")");
    }
  }

  /** A value shown by content when the space can show it, else as is. */
  @SuppressWarnings("unchecked")
  static <T> String render(Space<T> space, Object value) {
    if (value instanceof double[] d) {
      return java.util.Arrays.toString(d);
    }
    if (value instanceof int[] i) {
      return java.util.Arrays.toString(i);
    }
    return space.contains(value) ? space.format((T) value) : String.valueOf(value);
  }
}
