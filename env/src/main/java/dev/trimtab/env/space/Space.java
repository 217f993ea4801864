package dev.trimtab.env.space;

import java.util.random.RandomGenerator;

/**
 * A set of values of type {@code T}: where an env's observations or actions live.
 *
 * <p>Spaces are immutable values with {@code equals}, {@code hashCode} and {@code toString}. The
 * kinds are closed so that code building a policy from a space can handle each one; a new kind is a
 * change to this package, not a plug-in.
 *
 * @param <T> the type of the values in the space (for example {@code double[]} for a {@link Box})
 */
public sealed interface Space<T> permits Box, Discrete, MultiDiscrete, Dict {

  /**
   * Draws a value inside this space. All randomness comes from {@code random}, so equal generator
   * states give equal samples.
   */
  T sample(RandomGenerator random);

  /**
   * Whether {@code value} is a member of this space. Takes any object because it is the check that
   * runs on values of unknown origin: a value of the wrong type, of the wrong length, {@code null}
   * or containing NaN is simply not contained.
   */
  boolean contains(Object value);

  /**
   * Whether two values of this space are the same, element by element; arrays are compared by
   * content and doubles bit for bit (as {@link Double#compare} does), the equality that "same seed,
   * same run" means.
   */
  boolean equalValues(T first, T second);

  /** A readable rendering of a value, for messages (arrays are shown by content). */
  String format(T value);
}
