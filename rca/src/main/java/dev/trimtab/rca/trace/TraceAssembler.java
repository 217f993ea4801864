package dev.trimtab.rca.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects loose spans from any importer and assembles them into {@link Trace} trees, skipping and
 * counting what cannot be part of one (see {@link ImportReport}'s reasons). Every step is linear in
 * the number of spans (parent chains are resolved with memoisation), so no input, however hostile,
 * makes it loop; {@link ImportLimits#maxSpans} bounds memory.
 *
 * <p>Not thread-safe; one assembler per import.
 */
public final class TraceAssembler {
  private static final Comparator<Span> BY_START =
      Comparator.comparingLong(Span::startNanos).thenComparing(Span::spanId);

  private final String source;
  private final ImportLimits limits;
  private final Map<String, List<Span>> byTrace = new LinkedHashMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();
  private long accepted;

  public TraceAssembler(String source, ImportLimits limits) {
    this.source = source;
    this.limits = limits;
  }

  /**
   * Adds one span as read; fields may be missing (null) or inconsistent, in which case it is
   * skipped and counted. Empty parent ids mean a root.
   *
   * @throws TraceFormatException when more than {@link ImportLimits#maxSpans} spans are added
   */
  public void add(
      String traceId,
      String spanId,
      String parentId,
      String service,
      String operation,
      Long startNanos,
      Long endNanos,
      boolean error,
      boolean followsFrom) {
    if (isBlank(traceId)
        || isBlank(spanId)
        || isBlank(service)
        || startNanos == null
        || endNanos == null) {
      skip(ImportReport.MISSING_FIELD, 1);
      return;
    }
    if (endNanos < startNanos) {
      skip(ImportReport.NEGATIVE_DURATION, 1);
      return;
    }
    if (endNanos - startNanos > limits.maxSpanNanos() || endNanos - startNanos < 0) {
      skip(ImportReport.HUGE_DURATION, 1);
      return;
    }
    if (++accepted > limits.maxSpans()) {
      throw new TraceFormatException(
          source, "", "more than " + limits.maxSpans() + " spans (the import limit)");
    }
    String parent = isBlank(parentId) ? null : parentId;
    byTrace
        .computeIfAbsent(traceId, k -> new ArrayList<>())
        .add(
            new Span(
                traceId,
                spanId,
                parent,
                service,
                operation,
                startNanos,
                endNanos,
                error,
                followsFrom));
  }

  /** Adds a span already in the model. */
  public void add(Span s) {
    add(
        s.traceId(),
        s.spanId(),
        s.parentId(),
        s.service(),
        s.operation(),
        s.startNanos(),
        s.endNanos(),
        s.error(),
        s.followsFrom());
  }

  /** Counts skipped input found by the importer itself. */
  public void skip(String reason, long count) {
    skipped.merge(reason, count, Long::sum);
  }

  /** The traces, in order of first appearance, and what was kept and skipped. */
  public TraceBatch assemble() {
    List<Trace> traces = new ArrayList<>(byTrace.size());
    long spans = 0;
    for (var e : byTrace.entrySet()) {
      Trace t = assembleOne(e.getKey(), e.getValue());
      if (t != null) {
        traces.add(t);
        spans += t.size();
      }
    }
    return new TraceBatch(traces, new ImportReport(traces.size(), spans, skipped));
  }

  private Trace assembleOne(String traceId, List<Span> raw) {
    if (raw.size() > limits.maxSpansPerTrace()) {
      skip(ImportReport.TRACE_TOO_LARGE, 1);
      return null;
    }
    Map<String, Integer> index = new HashMap<>();
    List<Span> spans = new ArrayList<>(raw.size());
    for (Span s : raw) {
      if (index.putIfAbsent(s.spanId(), spans.size()) == null) {
        spans.add(s);
      } else {
        skip(ImportReport.DUPLICATE_ID, 1);
      }
    }
    int n = spans.size();
    int root = -1;
    int[] parentOf = new int[n];
    for (int i = 0; i < n; i++) {
      Span s = spans.get(i);
      Integer p = s.parentId() == null ? null : index.get(s.parentId());
      parentOf[i] = s.parentId() == null ? -1 : p == null ? -2 : p;
      if (s.parentId() == null && (root < 0 || betterRoot(s, spans.get(root)))) {
        root = i;
      }
    }
    if (root < 0) {
      skip(ImportReport.TRACE_WITHOUT_ROOT, 1);
      return null;
    }
    List<List<Integer>> kids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      kids.add(new ArrayList<>(0));
    }
    for (int i = 0; i < n; i++) {
      if (parentOf[i] >= 0 && parentOf[i] != i) {
        kids.get(parentOf[i]).add(i);
      }
    }
    int[] order = new int[n];
    int[] newIndex = new int[n];
    java.util.Arrays.fill(newIndex, -1);
    int size = 0;
    order[size] = root;
    newIndex[root] = size++;
    for (int head = 0; head < size; head++) {
      List<Integer> ks = kids.get(order[head]);
      ks.sort((a, b) -> BY_START.compare(spans.get(a), spans.get(b)));
      for (int k : ks) {
        if (newIndex[k] < 0) {
          newIndex[k] = size;
          order[size++] = k;
        }
      }
    }
    if (size < n) {
      countUnreachable(spans, parentOf, newIndex, root);
    }
    List<Span> kept = new ArrayList<>(size);
    int[] parent = new int[size];
    int[][] children = new int[size][];
    for (int j = 0; j < size; j++) {
      int i = order[j];
      kept.add(spans.get(i));
      parent[j] = parentOf[i] < 0 ? -1 : newIndex[parentOf[i]];
      List<Integer> ks = kids.get(i);
      children[j] = ks.stream().mapToInt(k -> newIndex[k]).toArray();
    }
    return new Trace(traceId, kept, parent, children);
  }

  private static boolean betterRoot(Span a, Span b) {
    if (a.durationNanos() != b.durationNanos()) {
      return a.durationNanos() > b.durationNanos();
    }
    return BY_START.compare(a, b) < 0;
  }

  /** Classifies each span outside the root's tree by walking up its parents, memoised. */
  private void countUnreachable(List<Span> spans, int[] parentOf, int[] reached, int root) {
    int n = spans.size();
    final int unknown = 0;
    final int walking = 1;
    String[] reason = new String[n];
    int[] state = new int[n];
    List<Integer> path = new ArrayList<>();
    for (int start = 0; start < n; start++) {
      if (reached[start] >= 0 || state[start] != unknown) {
        continue;
      }
      path.clear();
      int cur = start;
      String found;
      while (true) {
        if (reached[cur] >= 0) {
          found =
              ImportReport.CYCLE; // unreachable: cannot happen, a reached span's kids are reached
          break;
        }
        if (state[cur] == walking) {
          found = ImportReport.CYCLE;
          break;
        }
        if (state[cur] != unknown) {
          found = reason[cur];
          break;
        }
        state[cur] = walking;
        path.add(cur);
        int p = parentOf[cur];
        if (p == -1) {
          found = cur == root ? ImportReport.CYCLE : ImportReport.EXTRA_ROOT;
          break;
        }
        if (p == -2) {
          found = ImportReport.MISSING_PARENT;
          break;
        }
        if (p == cur) {
          found = ImportReport.CYCLE;
          break;
        }
        cur = p;
      }
      for (int i : path) {
        state[i] = 2;
        reason[i] = found;
        skip(found, 1);
      }
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
