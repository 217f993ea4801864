package dev.trimtab.faults.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Target globs match as the equivalent regular expression would, without its backtracking. */
class TargetGlobTest {
  private static boolean byRegex(String glob, String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.matches(regex.toString(), text);
  }

  @Test
  void agreesWithRegularExpressionsOnRandomPatternsAndNames() {
    SplittableRandom rng = new SplittableRandom(5);
    String alphabet = "ab-*?";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder glob = new StringBuilder();
      for (int k = rng.nextInt(7); k > 0; k--) {
        glob.append(alphabet.charAt(rng.nextInt(alphabet.length())));
      }
      StringBuilder name = new StringBuilder();
      for (int k = rng.nextInt(8); k > 0; k--) {
        name.append("ab-".charAt(rng.nextInt(3)));
      }
      assertEquals(
          byRegex(glob.toString(), name.toString()),
          Target.globMatches(glob.toString(), name.toString()),
          glob + " vs " + name);
    }
  }

  @Test
  void examplesFromTheFormatPage() {
    assertTrue(Target.globMatches("ts-*-service", "ts-order-service"));
    assertFalse(Target.globMatches("ts-*-service", "ts-order-svc"));
    assertTrue(Target.globMatches("ca*", "cart"));
    assertTrue(Target.globMatches("db?", "db1"));
    assertFalse(Target.globMatches("db?", "db"));
  }

  /** A pattern that makes a backtracking regex run for minutes is answered in one pass. */
  @Test
  void aPathologicalPatternIsOnePass() {
    String pattern = "*a".repeat(30) + "*c";
    assertFalse(Target.all(pattern).matches("a".repeat(63)));
    assertTrue(Target.all(pattern).matches("a".repeat(62) + "c"));
  }
}
