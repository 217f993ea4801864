package dev.trimtab.env.config;

import java.util.List;
import java.util.Locale;

/** "Did you mean" for misspelt names: the allowed name closest to what was written. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The name in {@code allowed} that {@code written} most likely misspells (same letters in another
   * case, at most two edits away, or at least three of its letters in order with some left out,
   * when only one name has them), or null.
   */
  static String closest(String written, List<String> allowed) {
    if (written.length() > 200) {
      return null;
    }
    String lower = written.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : allowed) {
      String candidate = name.toLowerCase(Locale.ROOT);
      if (candidate.equals(lower)) {
        return name;
      }
      int d = distance(lower, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = name;
      }
    }
    if (best != null && bestDistance <= Math.min(2, Math.max(1, written.length() / 3))) {
      return best;
    }
    if (written.length() >= 3) {
      String only = null;
      for (String name : allowed) {
        if (isSubsequence(lower, name.toLowerCase(Locale.ROOT))) {
          if (only != null) {
            return null;
          }
          only = name;
        }
      }
      return only;
    }
    return null;
  }

  /** Whether {@code a}'s letters appear in {@code b} in order (a prefix, or letters left out). */
  private static boolean isSubsequence(String a, String b) {
    int i = 0;
    for (int j = 0; j < b.length() && i < a.length(); j++) {
      if (a.charAt(i) == b.charAt(j)) {
        i++;
      }
    }
    return i == a.length();
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
