package dev.trimtab.rca.telemetry;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-service log events as imported: each line's time, level and template (mined by one {@link
 * Drain} shared by every line of the import, so a template id means the same thing in a window and
 * its reference; the level leads the mined text, so an ERROR line never shares a template with an
 * INFO one). The message itself is not kept. Built once, then read-only.
 */
public final class LogEvents {
  /** No logs at all. */
  public static final LogEvents EMPTY = new Builder(Drain.defaults()).build();

  private final Map<String, long[]> times;
  private final Map<String, byte[]> levels;
  private final Map<String, int[]> templates;
  private final long lines;
  private final Drain drain;

  private LogEvents(
      Map<String, long[]> times,
      Map<String, byte[]> levels,
      Map<String, int[]> templates,
      long lines,
      Drain drain) {
    this.times = times;
    this.levels = levels;
    this.templates = templates;
    this.lines = lines;
    this.drain = drain;
  }

  public Set<String> services() {
    return Collections.unmodifiableSet(times.keySet());
  }

  public long lines() {
    return lines;
  }

  public boolean isEmpty() {
    return lines == 0;
  }

  /** The miner the templates came from (for their text in reports). */
  public Drain drain() {
    return drain;
  }

  /** The time of the earliest line at or after {@code t}, of any service; MAX_VALUE if none. */
  public long earliestAtOrAfter(long t) {
    long best = Long.MAX_VALUE;
    for (long[] ts : times.values()) {
      int i = lowerBound(ts, t);
      if (i < ts.length) {
        best = Math.min(best, ts[i]);
      }
    }
    return best;
  }

  /** The time of the latest line before {@code t}, of any service; MIN_VALUE if none. */
  public long latestBefore(long t) {
    long best = Long.MIN_VALUE;
    for (long[] ts : times.values()) {
      int i = lowerBound(ts, t) - 1;
      if (i >= 0) {
        best = Math.max(best, ts[i]);
      }
    }
    return best;
  }

  /** The service's lines with {@code from <= t < to}. */
  public LogCounts count(String service, long fromNanos, long toNanos) {
    long[] t = times.get(service);
    if (t == null) {
      return LogCounts.NONE;
    }
    byte[] lv = levels.get(service);
    int[] tp = templates.get(service);
    int a = lowerBound(t, fromNanos);
    int b = lowerBound(t, toNanos);
    int errors = 0;
    Map<Integer, Integer> byTemplate = new LinkedHashMap<>();
    for (int i = a; i < b; i++) {
      if (LogLevel.values()[lv[i]].isError()) {
        errors++;
      }
      byTemplate.merge(tp[i], 1, Integer::sum);
    }
    return new LogCounts(b - a, errors, byTemplate);
  }

  private static int lowerBound(long[] ts, long t) {
    int lo = 0;
    int hi = ts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Collects lines in any order; {@link #build} sorts them by time. */
  public static final class Builder {
    private final Drain drain;
    private final Map<String, Acc> acc = new LinkedHashMap<>();
    private final long maxLines;
    private long lines;

    public Builder(Drain drain) {
      this(drain, 20_000_000);
    }

    public Builder(Drain drain, long maxLines) {
      this.drain = drain;
      this.maxLines = maxLines;
    }

    /** Adds a line, mining its template; false (nothing stored) when the builder is full. */
    public boolean add(String service, long timeNanos, LogLevel level, String message) {
      if (lines >= maxLines) {
        return false;
      }
      acc.computeIfAbsent(service, k -> new Acc())
          .add(timeNanos, level, drain.add(level.name() + " " + message));
      lines++;
      return true;
    }

    public LogEvents build() {
      Map<String, long[]> t = new LinkedHashMap<>();
      Map<String, byte[]> l = new LinkedHashMap<>();
      Map<String, int[]> p = new LinkedHashMap<>();
      for (var e : acc.entrySet()) {
        Acc a = e.getValue();
        Integer[] order = new Integer[a.n];
        for (int i = 0; i < a.n; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(a.t[x], a.t[y]));
        long[] ts = new long[a.n];
        byte[] ls = new byte[a.n];
        int[] ps = new int[a.n];
        for (int i = 0; i < a.n; i++) {
          ts[i] = a.t[order[i]];
          ls[i] = a.level[order[i]];
          ps[i] = a.template[order[i]];
        }
        t.put(e.getKey(), ts);
        l.put(e.getKey(), ls);
        p.put(e.getKey(), ps);
      }
      return new LogEvents(t, l, p, lines, drain);
    }
  }

  private static final class Acc {
    long[] t = new long[16];
    byte[] level = new byte[16];
    int[] template = new int[16];
    int n;

    void add(long time, LogLevel l, int tpl) {
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
        level = Arrays.copyOf(level, n * 2);
        template = Arrays.copyOf(template, n * 2);
      }
      t[n] = time;
      level[n] = (byte) l.ordinal();
      template[n++] = tpl;
    }
  }
}
