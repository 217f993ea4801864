package dev.trimtab.rca.path;

import dev.trimtab.rca.trace.Trace;

/**
 * FIRM's LONGESTPATH: start at the root; follow the child that returned last; also include every
 * child that returned before that child started (it happened before it), recursively. Two
 * refinements FIRM's description leaves open:
 *
 * <ul>
 *   <li><b>Clock skew.</b> A child that starts before its parent cannot be a synchronous call; its
 *       service's clock is behind. Such a child, with its subtree, is shifted into its parent: to
 *       the middle of the parent when it is shorter (Jaeger's skew adjuster does the same), else to
 *       the parent's start. Shifts carry down to descendants.
 *   <li><b>Asynchronous children.</b> A child that ends after its parent (by more than {@link
 *       #TOLERANCE_NANOS}, for rounding), or that its source marks {@code FOLLOWS_FROM}, did not
 *       delay the parent's reply: it and its subtree are off the path.
 *   <li><b>Timeouts.</b> A failed child that outlives its failed parent is not asynchronous: the
 *       parent timed out waiting for it. It is cut at the parent's end and kept on the path, so a
 *       hung service, not its caller, holds the wait.
 * </ul>
 *
 * <p>Iterative, linear in the trace's size, no recursion: deep traces cannot overflow the stack.
 */
public final class LongestPath {
  /** Ends this close after the parent's end are rounding, not asynchrony: 1 microsecond. */
  public static final long TOLERANCE_NANOS = 1_000;

  private LongestPath() {}

  public static CriticalPath of(Trace t) {
    int n = t.size();
    long[] start = new long[n];
    long[] end = new long[n];
    adjustSkew(t, start, end);
    int[] path = new int[n];
    long[] self = new long[n];
    long[] inbound = new long[n];
    int[] stack = new int[n];
    int[] onPath = new int[n];
    int top = 0;
    int len = 0;
    stack[top++] = 0;
    while (top > 0) {
      int node = stack[--top];
      path[len++] = node;
      int kids = t.childCount(node);
      int last = -1;
      for (int k = 0; k < kids; k++) {
        int c = t.child(node, k);
        if (cutOff(t, c, node, start, end)) {
          end[c] = end[node];
        }
        if (synchronous(t, c, node, end)
            && (last < 0 || end[c] > end[last] || end[c] == end[last] && start[c] > start[last])) {
          last = c;
        }
      }
      if (last < 0) {
        self[node] = end[node] - start[node];
        continue;
      }
      int m = 0;
      for (int k = 0; k < kids; k++) {
        int c = t.child(node, k);
        if (c == last || synchronous(t, c, node, end) && end[c] <= start[last]) {
          onPath[m++] = c;
        }
      }
      sortByStart(onPath, m, start);
      long covered = 0;
      long coverEnd = start[node];
      long lastReturn = start[node];
      for (int k = 0; k < m; k++) {
        int c = onPath[k];
        long s = Math.max(start[c], start[node]);
        long e = Math.min(end[c], end[node]);
        if (e > coverEnd) {
          covered += e - Math.max(s, coverEnd);
          coverEnd = e;
        }
        inbound[c] = Math.max(0, start[c] - lastReturn);
        lastReturn = Math.max(lastReturn, end[c]);
      }
      self[node] = Math.max(0, end[node] - start[node] - covered);
      for (int k = m - 1; k >= 0; k--) {
        if (onPath[k] != last) {
          stack[top++] = onPath[k];
        }
      }
      stack[top++] = last;
    }
    int[] spans = new int[len];
    long[] selfOut = new long[len];
    long[] inOut = new long[len];
    for (int k = 0; k < len; k++) {
      spans[k] = path[k];
      selfOut[k] = self[path[k]];
      inOut[k] = inbound[path[k]];
    }
    return new CriticalPath(t, spans, selfOut, inOut);
  }

  /**
   * A failed child still running when its failed parent ended: the parent gave up waiting for it (a
   * timeout), so the child held the reply up to that moment. It is cut at its parent's end and
   * stays a synchronous call, instead of reading as asynchrony.
   */
  private static boolean cutOff(Trace t, int c, int parent, long[] start, long[] end) {
    return t.span(c).error()
        && t.span(parent).error()
        && !t.span(c).followsFrom()
        && end[c] > end[parent] + TOLERANCE_NANOS
        && start[c] < end[parent];
  }

  /**
   * Not marked {@code FOLLOWS_FROM} and ended with its parent (after any {@link #cutOff}). Inbound
   * waits are measured from the end of the previous sibling on the path; siblings that overlap it
   * are in parallel, so the wait runs from the latest end before this child's start.
   */
  private static boolean synchronous(Trace t, int c, int parent, long[] end) {
    return !t.span(c).followsFrom() && end[c] <= end[parent] + TOLERANCE_NANOS;
  }

  private static void sortByStart(int[] a, int m, long[] start) {
    for (int i = 1; i < m; i++) {
      int v = a[i];
      int j = i - 1;
      while (j >= 0 && start[a[j]] > start[v]) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /** Skew-corrected start and end of every span, top-down (parents precede children). */
  static void adjustSkew(Trace t, long[] start, long[] end) {
    long[] shift = new long[t.size()];
    start[0] = t.root().startNanos();
    end[0] = t.root().endNanos();
    for (int i = 1; i < t.size(); i++) {
      int p = t.parent(i);
      long s = t.span(i).startNanos() + shift[p];
      long d = t.span(i).durationNanos();
      long delta = 0;
      if (s < start[p]) {
        long pd = end[p] - start[p];
        delta = d <= pd ? start[p] + (pd - d) / 2 - s : start[p] - s;
      }
      shift[i] = shift[p] + delta;
      start[i] = s + delta;
      end[i] = start[i] + d;
    }
  }
}
