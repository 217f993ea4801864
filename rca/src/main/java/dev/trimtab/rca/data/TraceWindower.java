package dev.trimtab.rca.data;

import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import dev.trimtab.rca.trace.TraceAssembler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a stream of spans into windows of whole traces: a trace belongs to the window in which its
 * root ended. Spans arrive as their calls end (a root usually last), so spans of traces whose root
 * has not arrived wait; those still waiting after {@code maxWaitNanos} (their root was lost, or
 * never sampled) are dropped and counted. Memory is bounded by {@code maxPendingSpans}.
 */
public final class TraceWindower {
  private final long maxWaitNanos;
  private final int maxPendingSpans;
  private final Map<String, List<Span>> pending = new LinkedHashMap<>();
  private final Map<String, Long> firstSeen = new HashMap<>();
  private final List<String> rootedOrder = new ArrayList<>();
  private final Map<String, Long> rootEnd = new HashMap<>();
  private int pendingSpans;
  private long dropped;

  public TraceWindower(long maxWaitNanos, int maxPendingSpans) {
    this.maxWaitNanos = maxWaitNanos;
    this.maxPendingSpans = maxPendingSpans;
  }

  public void add(Span s) {
    if (pendingSpans >= maxPendingSpans) {
      dropped++;
      return;
    }
    List<Span> spans = pending.computeIfAbsent(s.traceId(), k -> new ArrayList<>());
    firstSeen.putIfAbsent(s.traceId(), s.endNanos());
    spans.add(s);
    pendingSpans++;
    if (s.isRoot() && !rootEnd.containsKey(s.traceId())) {
      rootEnd.put(s.traceId(), s.endNanos());
      rootedOrder.add(s.traceId());
    }
  }

  /** The traces whose root ended before {@code endNanos}, removed from the pending set. */
  public List<Trace> cut(long endNanos) {
    TraceAssembler asm = new TraceAssembler("window", ImportLimits.DEFAULT);
    Iterator<String> it = rootedOrder.iterator();
    while (it.hasNext()) {
      String id = it.next();
      if (rootEnd.get(id) < endNanos) {
        it.remove();
        rootEnd.remove(id);
        firstSeen.remove(id);
        List<Span> spans = pending.remove(id);
        pendingSpans -= spans.size();
        spans.forEach(asm::add);
      }
    }
    var stale = firstSeen.entrySet().iterator();
    while (stale.hasNext()) {
      var e = stale.next();
      if (!rootEnd.containsKey(e.getKey()) && e.getValue() < endNanos - maxWaitNanos) {
        List<Span> spans = pending.remove(e.getKey());
        pendingSpans -= spans.size();
        dropped += spans.size();
        stale.remove();
      }
    }
    return asm.assemble().traces();
  }

  /** Spans dropped: their trace never got a root in time, or the pending set was full. */
  public long dropped() {
    return dropped;
  }
}
