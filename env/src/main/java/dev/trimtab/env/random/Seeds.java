package dev.trimtab.env.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named random streams derived from one root seed.
 *
 * <p>A stream depends only on the root seed and its name, never on the order in which streams are
 * asked for, so adding a new stream never changes an existing one. Seeds are always given: there is
 * no clock-seeded default.
 */
public final class Seeds {
  private final long rootSeed;

  public Seeds(long rootSeed) {
    this.rootSeed = rootSeed;
  }

  public long rootSeed() {
    return rootSeed;
  }

  /** A fresh generator for the named stream; two calls with one name give equal sequences. */
  public SplittableRandom stream(String name) {
    return new SplittableRandom(mix(rootSeed ^ fnv1a(name)));
  }

  /** Seeds a child stream, e.g. one per service: {@code stream("service-times", 3)}. */
  public SplittableRandom stream(String name, int index) {
    return new SplittableRandom(mix(mix(rootSeed ^ fnv1a(name)) + index));
  }

  private static long fnv1a(String name) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** Stafford's variant 13 of the SplitMix64 finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
