/**
 * Spaces: the sets that observations and actions live in, after Gymnasium's {@code spaces}.
 *
 * <p>A space says which values are valid ({@link dev.trimtab.env.space.Space#contains}), draws a
 * random valid value from a generator it is given ({@link dev.trimtab.env.space.Space#sample}) and
 * compares two values the way determinism checks need ({@link
 * dev.trimtab.env.space.Space#equalValues}). The set of kinds is closed ({@link
 * dev.trimtab.env.space.Box}, {@link dev.trimtab.env.space.Discrete}, {@link
 * dev.trimtab.env.space.MultiDiscrete}, {@link dev.trimtab.env.space.Dict}) so that agents can
 * build their network heads by handling every kind. Spaces are immutable and validate their
 * arguments.
 */
package dev.trimtab.env.space;
