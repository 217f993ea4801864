package dev.trimtab.env.testkit;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.Snippet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded fuzzing of a user file format: mutates a valid file many ways (lines deleted, duplicated
 * and swapped, values turned into huge numbers, NaN, infinities, negatives, zero, wrong types, long
 * scalars, aliases, deep nesting, second documents, binary garbage, truncation, gzip) and checks
 * that loading each either succeeds or throws a {@link ConfigException} whose message is one
 * printable line naming the file. Any other exception or error, an {@link OutOfMemoryError}
 * included, fails the check with the seed and the mutation, so that a failure can be replayed.
 *
 * <p>Every mutant is at most a few megabytes and every loader bounds its input, so each case ends
 * by construction; nothing here measures time. Failures are {@link AssertionError}s, so JUnit or a
 * plain main method can use it.
 */
public final class ConfigFuzzer {
  /** Largest message a loader may give, in characters. */
  public static final int MAX_MESSAGE_CHARS = 5000;

  /** Loads one file, throwing a {@link ConfigException} for a bad one. */
  @FunctionalInterface
  public interface Loader {
    void load(Path file) throws Exception;
  }

  /**
   * How a run went: cases loaded, cases refused with a ConfigException, some of the messages, and
   * the slowest case (for a person to look at; nothing asserts on time).
   */
  public record Report(
      int accepted, int refused, List<String> sampleMessages, String slowestCase, long slowestMs) {
    public int cases() {
      return accepted + refused;
    }
  }

  private ConfigFuzzer() {}

  /**
   * Writes {@code cases} mutants of {@code valid} to {@code file}, one after another, and loads
   * each with {@code loader}. The unmutated file must load.
   *
   * @param source how the loader names {@code file} in messages (usually {@code file.toString()})
   * @param seed the seed; a failure names it and the case, so that it can be replayed
   * @throws AssertionError when a mutant gives anything but success or a well-formed
   *     ConfigException
   */
  public static Report fuzz(
      byte[] valid, Path file, String source, Loader loader, long seed, int cases) {
    write(file, valid);
    check(loader, file, source, "the unmutated file", true);
    SplittableRandom rng = new SplittableRandom(seed);
    int accepted = 0;
    int refused = 0;
    List<String> samples = new ArrayList<>();
    String slowest = "";
    long slowestNs = 0;
    for (int i = 0; i < cases; i++) {
      StringBuilder how = new StringBuilder();
      byte[] mutant = valid;
      int rounds = 1 + (rng.nextInt(4) == 0 ? rng.nextInt(3) : 0);
      for (int r = 0; r < rounds; r++) {
        mutant = Mutants.mutate(mutant, rng, how);
      }
      write(file, mutant);
      String what = "case " + i + " of seed " + seed + " (" + how + ")";
      long start = System.nanoTime();
      String message = check(loader, file, source, what, false);
      long tookNs = System.nanoTime() - start;
      if (tookNs > slowestNs) {
        slowestNs = tookNs;
        slowest = what;
      }
      if (message == null) {
        accepted++;
      } else {
        refused++;
        if (samples.size() < 20 && rng.nextInt(4) == 0) {
          samples.add(message);
        }
      }
    }
    return new Report(accepted, refused, samples, slowest, slowestNs / 1_000_000);
  }

  /**
   * Checks one-line specs (no file) the same way: each mutant of each of {@code valid} either
   * parses or throws a ConfigException whose message starts with {@code sourceOf(spec)}.
   */
  public static Report fuzzSpecs(
      List<String> valid,
      java.util.function.Consumer<String> parser,
      java.util.function.Function<String, String> sourceOf,
      long seed,
      int cases) {
    SplittableRandom rng = new SplittableRandom(seed);
    int accepted = 0;
    int refused = 0;
    List<String> samples = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      String spec = valid.get(rng.nextInt(valid.size()));
      StringBuilder how = new StringBuilder();
      int rounds = 1 + rng.nextInt(2);
      for (int r = 0; r < rounds; r++) {
        spec = Mutants.mutateSpec(spec, rng, how);
      }
      String what = "spec case " + i + " of seed " + seed + " (" + how + ")";
      try {
        parser.accept(spec);
        accepted++;
      } catch (ConfigException e) {
        checkMessage(e, sourceOf.apply(spec), null, what);
        refused++;
        if (samples.size() < 20 && rng.nextInt(4) == 0) {
          samples.add(e.getMessage());
        }
      } catch (Throwable t) {
        throw new AssertionError(what + ": threw " + t + " for " + printable(spec), t);
      }
    }
    return new Report(accepted, refused, samples, "", 0);
  }

  private static String check(
      Loader loader, Path file, String source, String what, boolean mustLoad) {
    try {
      loader.load(file);
      return null;
    } catch (ConfigException e) {
      if (mustLoad) {
        throw new AssertionError(what + " must load, but: " + e.getMessage(), e);
      }
      checkMessage(e, source, file.getParent(), what);
      return e.getMessage();
    } catch (Throwable t) {
      throw new AssertionError(what + ": threw " + t + " instead of a ConfigException", t);
    }
  }

  /**
   * The message is one printable line of bounded length naming {@code source}, or a file in {@code
   * folder} (a file the fuzzed one refers to).
   */
  private static void checkMessage(ConfigException e, String source, Path folder, String what) {
    String m = e.getMessage();
    if (m == null || m.isBlank() || m.length() > MAX_MESSAGE_CHARS) {
      throw new AssertionError(what + ": message empty or too long: " + printable(m), e);
    }
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x202e) {
        throw new AssertionError(
            what + ": unprintable character " + (int) c + " in: " + printable(m), e);
      }
    }
    boolean namesSource = e.source().equals(source) && m.startsWith(shown(source));
    boolean namesReferenced =
        folder != null
            && e.source().startsWith(folder.toString())
            && m.startsWith(shown(e.source()));
    if (!namesSource && !namesReferenced) {
      throw new AssertionError(what + ": message does not name " + source + ": " + m, e);
    }
  }

  /** How a message shows the start of a source: its first 100 characters, printable. */
  private static String shown(String source) {
    String head = source.substring(0, Math.min(source.length(), 100));
    if (!head.isEmpty() && Character.isHighSurrogate(head.charAt(head.length() - 1))) {
      head = head.substring(0, head.length() - 1);
    }
    return Snippet.printable(head, 100);
  }

  private static String printable(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder();
    for (char c : s.substring(0, Math.min(s.length(), 300)).toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
