package dev.trimtab.rca.trace;

import java.util.Arrays;
import java.util.List;

/**
 * One trace as a checked tree: exactly one root, every other span's parent in the trace, no cycles,
 * unique span ids. Spans are in breadth-first order from the root (index 0), so a parent always
 * comes before its children and one forward pass visits the tree top-down, without recursion.
 *
 * <p>Built by {@link TraceAssembler}; the arrays are private copies, exposed read-only.
 */
public final class Trace {
  private final String traceId;
  private final List<Span> spans;
  private final int[] parent;
  private final int[][] children;

  Trace(String traceId, List<Span> spans, int[] parent, int[][] children) {
    this.traceId = traceId;
    this.spans = List.copyOf(spans);
    this.parent = parent;
    this.children = children;
  }

  public String traceId() {
    return traceId;
  }

  /** Spans in breadth-first order, root first. */
  public List<Span> spans() {
    return spans;
  }

  public int size() {
    return spans.size();
  }

  public Span root() {
    return spans.get(0);
  }

  public Span span(int i) {
    return spans.get(i);
  }

  /** Index of span {@code i}'s parent, -1 for the root. */
  public int parent(int i) {
    return parent[i];
  }

  /** Indices of span {@code i}'s children, by start time (then span id). */
  public int[] children(int i) {
    return children[i].clone();
  }

  /** Number of children of span {@code i}, without copying. */
  public int childCount(int i) {
    return children[i].length;
  }

  /** The {@code k}-th child of span {@code i}, without copying. */
  public int child(int i, int k) {
    return children[i][k];
  }

  /** End-to-end latency: the root's duration. */
  public long durationNanos() {
    return root().durationNanos();
  }

  @Override
  public String toString() {
    return "Trace["
        + traceId
        + ", "
        + spans.size()
        + " spans, parents "
        + Arrays.toString(parent)
        + "]";
  }
}
