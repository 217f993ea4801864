package dev.trimtab.testbed.live.otlp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the server spans of live traces and links each to its caller's server span, folding away
 * the client (and any internal) spans between them: the OpenTelemetry agent records a call from A
 * to B as A's server span, A's client span and B's server span, whereas the simulator, and so rca,
 * knows server spans only.
 *
 * <p>Spans arrive out of order (each service exports its own batches), so a server span waits until
 * its chain of non-server ancestors leads to a server span already seen, or until it has waited
 * {@code graceNanos}; then it is released with the parent the chain reached (a span whose caller
 * never reported is released with that dangling parent, and counted). Memory is bounded: at most
 * {@code maxRemembered} span ids are remembered and as many spans wait; beyond that the oldest
 * waiting span is dropped, and counted.
 */
public final class SpanFolder {
  /** One span as the receiver decoded it, before folding. */
  public record RawSpan(
      long traceIdHigh,
      long traceIdLow,
      long spanId,
      long parentSpanId,
      boolean server,
      String service,
      String operation,
      String endpoint,
      long startEpochNanos,
      long endEpochNanos,
      boolean error) {}

  private record Pending(RawSpan span, long receivedNanos) {}

  private final int maxRemembered;
  private final Map<Long, Long> folded;
  private final Map<Long, Boolean> servers;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private long dangling;
  private long dropped;

  public SpanFolder(int maxRemembered) {
    this.maxRemembered = maxRemembered;
    this.folded = lru(maxRemembered);
    this.servers = lru(maxRemembered);
  }

  private static <V> Map<Long, V> lru(int bound) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
        return size() > bound;
      }
    };
  }

  /** Takes the spans of one export request, received at {@code nowNanos} (any monotonic clock). */
  public synchronized void add(List<RawSpan> spans, long nowNanos) {
    for (RawSpan s : spans) {
      if (s.server()) {
        servers.put(s.spanId(), Boolean.TRUE);
        pending.add(new Pending(s, nowNanos));
      } else {
        folded.put(s.spanId(), s.parentSpanId());
      }
    }
    while (pending.size() > maxRemembered) {
      pending.poll();
      dropped++;
    }
  }

  /**
   * Server spans whose caller is known, or that waited longer than {@code graceNanos}, in the order
   * they arrived, with their parent resolved; the rest keep waiting.
   */
  public synchronized List<LiveSpan> drain(long nowNanos, long graceNanos) {
    List<LiveSpan> out = new ArrayList<>();
    int keep = pending.size();
    List<Pending> waiting = new ArrayList<>();
    for (int i = 0; i < keep; i++) {
      Pending p = pending.poll();
      boolean overdue = nowNanos - p.receivedNanos() >= graceNanos;
      long parent = resolve(p.span().parentSpanId());
      boolean resolved = parent == 0 || servers.containsKey(parent);
      if (resolved || overdue) {
        if (!resolved) {
          dangling++;
        }
        out.add(live(p.span(), parent));
      } else {
        waiting.add(p);
      }
    }
    pending.addAll(waiting);
    return out;
  }

  /** Follows non-server spans up to the first id that is not one (0 for none). */
  private long resolve(long parent) {
    long p = parent;
    for (int hops = 0; p != 0 && hops < 64; hops++) {
      Long up = folded.get(p);
      if (up == null) {
        return p;
      }
      p = up;
    }
    return p;
  }

  private static LiveSpan live(RawSpan s, long parent) {
    return new LiveSpan(
        s.traceIdHigh(),
        s.traceIdLow(),
        s.spanId(),
        parent,
        s.service(),
        s.operation(),
        s.endpoint(),
        s.startEpochNanos(),
        s.endEpochNanos(),
        s.error());
  }

  /** Server spans released with a parent that never reported. */
  public synchronized long dangling() {
    return dangling;
  }

  /** Server spans dropped unreleased because more than {@code maxRemembered} were waiting. */
  public synchronized long dropped() {
    return dropped;
  }

  /** Server spans waiting for their caller's spans. */
  public synchronized int pending() {
    return pending.size();
  }

  /** Forgets everything (a new run). */
  public synchronized void clear() {
    folded.clear();
    servers.clear();
    pending.clear();
    dangling = 0;
    dropped = 0;
  }
}
