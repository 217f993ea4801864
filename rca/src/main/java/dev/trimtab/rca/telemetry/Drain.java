package dev.trimtab.rca.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Drain, the online log-template miner of He, Zhu, Zheng and Lyu (ICWS 2017), as Drain3 runs it:
 * each line is masked (numbers, hex ids, UUIDs, IP addresses become {@code <*>}), split on
 * whitespace, and routed down a fixed-depth tree, first by its token count, then by its first
 * {@code depth - 3} tokens, never the last (a token holding a digit goes down the wildcard branch,
 * and a node with {@code maxChildren} children sends new tokens there too); at the leaf the line
 * joins the most similar group if their similarity (equal tokens over length, wildcards not
 * counted) reaches {@code similarity}, turning the differing positions of the template into
 * wildcards, or starts a new group. No maintained Java implementation is published on Maven Central
 * (drain-java has only snapshots), so this one follows the paper and Drain3's defaults and is
 * tested against both.
 *
 * <p>Not thread-safe. Memory grows with the number of templates, not of lines; {@code maxGroups}
 * bounds it (lines beyond it that match no group get the overflow id {@code -1}).
 */
public final class Drain {
  /** The wildcard token. */
  public static final String WILDCARD = "<*>";

  private static final Pattern MASK =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
              + "|\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b"
              + "|\\b0x[0-9a-fA-F]+\\b"
              + "|\\b[0-9a-fA-F]*\\d[0-9a-fA-F]*\\b"
              + "|[-+]?\\b\\d+(?:\\.\\d+)?\\b");

  private final int depth;
  private final double similarity;
  private final int maxChildren;
  private final int maxGroups;
  private final Map<Integer, Node> byLength = new HashMap<>();
  private final List<String[]> templates = new ArrayList<>();

  /**
   * @param depth tree depth counting the root, the length layer and the leaves (Drain3: 4, which
   *     routes on the first token), at least 3
   * @param similarity the least similarity to join a group (Drain3: 0.4)
   * @param maxChildren children per inner node before new tokens share the wildcard (Drain3: 100)
   * @param maxGroups most templates kept
   */
  public Drain(int depth, double similarity, int maxChildren, int maxGroups) {
    if (depth < 3 || !(similarity >= 0 && similarity <= 1) || maxChildren < 2 || maxGroups < 1) {
      throw new IllegalArgumentException("depth >= 3, similarity in [0, 1], maxChildren >= 2");
    }
    this.depth = depth;
    this.similarity = similarity;
    this.maxChildren = maxChildren;
    this.maxGroups = maxGroups;
  }

  /** Drain3's defaults: depth 4, similarity 0.4, 100 children, at most 100 000 templates. */
  public static Drain defaults() {
    return new Drain(4, 0.4, 100, 100_000);
  }

  /** The template id of {@code line}, learning from it: ids count up from 0. */
  public int add(String line) {
    String[] tokens = tokens(line);
    Node node = byLength.computeIfAbsent(tokens.length, k -> new Node());
    for (int d = 0; d < Math.min(depth - 3, tokens.length - 1); d++) {
      Node next = node.children.get(tokens[d]);
      if (next == null) {
        next = node.child(hasDigit(tokens[d]) ? WILDCARD : tokens[d], maxChildren);
      }
      node = next;
    }
    int best = -1;
    double bestSim = -1;
    int bestWild = -1;
    for (int id : node.groups) {
      String[] t = templates.get(id);
      int same = 0;
      int wild = 0;
      for (int i = 0; i < t.length; i++) {
        if (t[i].equals(WILDCARD)) {
          wild++;
        } else if (t[i].equals(tokens[i])) {
          same++;
        }
      }
      double sim = tokens.length == 0 ? 1 : (double) same / tokens.length;
      if (sim > bestSim || (sim == bestSim && wild > bestWild)) {
        best = id;
        bestSim = sim;
        bestWild = wild;
      }
    }
    if (best >= 0 && bestSim >= similarity) {
      String[] t = templates.get(best);
      for (int i = 0; i < t.length; i++) {
        if (!t[i].equals(tokens[i])) {
          t[i] = WILDCARD;
        }
      }
      return best;
    }
    if (templates.size() >= maxGroups) {
      return -1;
    }
    templates.add(tokens);
    node.groups.add(templates.size() - 1);
    return templates.size() - 1;
  }

  /** The template of group {@code id} as it stands now. */
  public String template(int id) {
    return String.join(" ", templates.get(id));
  }

  /** How many templates there are. */
  public int size() {
    return templates.size();
  }

  /** The masked tokens of a line. */
  static String[] tokens(String line) {
    String masked = MASK.matcher(line.strip()).replaceAll(WILDCARD);
    return masked.isEmpty() ? new String[0] : masked.split("\\s+");
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static final class Node {
    final Map<String, Node> children = new HashMap<>();
    final List<Integer> groups = new ArrayList<>();

    /** The child for a token not seen here, made as Drain3 makes it. */
    Node child(String token, int maxChildren) {
      if (token.equals(WILDCARD)) {
        return children.computeIfAbsent(WILDCARD, k -> new Node());
      }
      boolean hasWildcard = children.containsKey(WILDCARD);
      if (hasWildcard ? children.size() < maxChildren : children.size() + 1 < maxChildren) {
        return children.computeIfAbsent(token, k -> new Node());
      }
      return children.computeIfAbsent(WILDCARD, k -> new Node());
    }
  }
}
