package dev.trimtab.env.testkit;

import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Dict;
import dev.trimtab.env.space.Discrete;
import dev.trimtab.env.space.MultiDiscrete;
import dev.trimtab.env.space.Space;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

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

  /**
   * Runs a step that the env must refuse with {@link IllegalArgumentException} under {@link
   * EnvRule#ACTIONS_VALIDATED}. An {@link IllegalStateException} instead means the env thinks its
   * episode is over although no step said so, which is reported as {@link
   * EnvRule#EPISODE_ENDS_BY_FLAGS}.
   */
  static void expectRefused(String what, Runnable call) {
    try {
      call.run();
    } catch (IllegalArgumentException e) {
      return;
    } catch (IllegalStateException e) {
      throw new EnvCheckException(
          EnvRule.EPISODE_ENDS_BY_FLAGS,
          what + " threw " + e + " as if the episode were over, though no step ended it",
          e);
    } catch (RuntimeException e) {
      throw new EnvCheckException(
          EnvRule.ACTIONS_VALIDATED,
          what + " threw " + e + ", expected IllegalArgumentException",
          e);
    }
    throw new EnvCheckException(
        EnvRule.ACTIONS_VALIDATED, what + " returned normally, expected IllegalArgumentException");
  }

  /**
   * Runs one step that the env is obliged to accept (valid actions, running episode) and reports
   * any exception as a breach of {@link EnvRule#EPISODE_ENDS_BY_FLAGS}.
   */
  static <T> T acceptedStep(Supplier<T> call, String where) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new EnvCheckException(
          EnvRule.EPISODE_ENDS_BY_FLAGS,
          where + " threw " + e + " although no step had ended the episode",
          e);
    }
  }

  /**
   * A value that is not inside {@code space} but has the shape of its members where it can (a Box
   * vector with NaN, a Discrete one past the end, a Dict with one entry outside its subspace).
   */
  static Object outside(Space<?> space) {
    if (space instanceof Box box) {
      double[] value = new double[box.dims()];
      Arrays.fill(value, Double.NaN);
      return value;
    }
    if (space instanceof Discrete d) {
      return d.last() < Integer.MAX_VALUE ? d.last() + 1 : d.start() - 1;
    }
    if (space instanceof MultiDiscrete m) {
      int[] value = new int[m.size()];
      value[0] = m.nvec()[0];
      return value;
    }
    Dict dict = (Dict) space;
    Map<String, Object> value = new LinkedHashMap<>();
    for (Map.Entry<String, Space<?>> e : dict.spaces().entrySet()) {
      value.put(e.getKey(), e.getValue().sample(new SplittableRandom(0)));
    }
    String first = dict.keys().get(0);
    value.put(first, outside(dict.get(first)));
    return value;
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
      return Arrays.toString(d);
    }
    if (value instanceof int[] i) {
      return Arrays.toString(i);
    }
    return space.contains(value) ? space.format((T) value) : String.valueOf(value);
  }
}
