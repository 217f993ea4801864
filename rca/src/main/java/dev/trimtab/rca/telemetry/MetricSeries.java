package dev.trimtab.rca.telemetry;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-service time series of the {@link Signal}s, as imported: for each service and signal, points
 * (time, value) sorted by time. A source without timestamps (a Prometheus scrape file) gives its
 * points the time {@link #UNTIMED}, which every time range includes. Non-finite values are not
 * stored (a missing measurement is a gap, not a zero). Built once, then read-only.
 */
public final class MetricSeries {
  /** The time of points from a source without timestamps: inside every range. */
  public static final long UNTIMED = Long.MIN_VALUE;

  /** No metrics at all. */
  public static final MetricSeries EMPTY = new Builder().build();

  private final Map<String, long[][]> times;
  private final Map<String, double[][]> values;
  private final long points;

  private MetricSeries(Map<String, long[][]> times, Map<String, double[][]> values, long points) {
    this.times = times;
    this.values = values;
    this.points = points;
  }

  /** Services with at least one point. */
  public Set<String> services() {
    return Collections.unmodifiableSet(times.keySet());
  }

  public long points() {
    return points;
  }

  public boolean isEmpty() {
    return points == 0;
  }

  /**
   * The mean of the service's {@code signal} over points with {@code from <= t < to} (untimed
   * points always count), or NaN when there is none.
   */
  public double mean(String service, Signal signal, long fromNanos, long toNanos) {
    long[][] t = times.get(service);
    if (t == null || t[signal.ordinal()] == null) {
      return Double.NaN;
    }
    long[] ts = t[signal.ordinal()];
    double[] vs = values.get(service)[signal.ordinal()];
    double sum = 0;
    int n = 0;
    int i = lowerBound(ts, fromNanos);
    for (int k = 0; k < ts.length && ts[k] == UNTIMED; k++) {
      sum += vs[k];
      n++;
    }
    for (i = Math.max(i, firstTimed(ts)); i < ts.length && ts[i] < toNanos; i++) {
      sum += vs[i];
      n++;
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static int firstTimed(long[] ts) {
    int k = 0;
    while (k < ts.length && ts[k] == UNTIMED) {
      k++;
    }
    return k;
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

  /** Collects points in any order; {@link #build} sorts them. */
  public static final class Builder {
    private final Map<String, Series[]> series = new LinkedHashMap<>();
    private final long maxPoints;
    private long points;

    public Builder() {
      this(50_000_000);
    }

    /**
     * @param maxPoints the most points kept; {@link #add} refuses beyond (false)
     */
    public Builder(long maxPoints) {
      this.maxPoints = maxPoints;
    }

    /** Adds a point; false (and nothing stored) when the builder is full. */
    public boolean add(String service, Signal signal, long timeNanos, double value) {
      if (!Double.isFinite(value)) {
        return true;
      }
      if (points >= maxPoints) {
        return false;
      }
      Series[] s = series.computeIfAbsent(service, k -> new Series[Signal.values().length]);
      if (s[signal.ordinal()] == null) {
        s[signal.ordinal()] = new Series();
      }
      s[signal.ordinal()].add(timeNanos, value);
      points++;
      return true;
    }

    /** Adds every point of {@code other}. */
    public Builder addAll(MetricSeries other) {
      for (var e : other.times.entrySet()) {
        for (Signal sig : Signal.values()) {
          long[] t = e.getValue()[sig.ordinal()];
          if (t != null) {
            double[] v = other.values.get(e.getKey())[sig.ordinal()];
            for (int i = 0; i < t.length; i++) {
              add(e.getKey(), sig, t[i], v[i]);
            }
          }
        }
      }
      return this;
    }

    public MetricSeries build() {
      Map<String, long[][]> times = new LinkedHashMap<>();
      Map<String, double[][]> values = new LinkedHashMap<>();
      for (var e : series.entrySet()) {
        long[][] t = new long[Signal.values().length][];
        double[][] v = new double[Signal.values().length][];
        for (int k = 0; k < t.length; k++) {
          Series s = e.getValue()[k];
          if (s != null) {
            s.sortInto(k, t, v);
          }
        }
        times.put(e.getKey(), t);
        values.put(e.getKey(), v);
      }
      return new MetricSeries(times, values, points);
    }
  }

  private static final class Series {
    long[] t = new long[8];
    double[] v = new double[8];
    int n;

    void add(long time, double value) {
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
        v = Arrays.copyOf(v, n * 2);
      }
      t[n] = time;
      v[n++] = value;
    }

    void sortInto(int k, long[][] times, double[][] values) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(t[a], t[b]));
      times[k] = new long[n];
      values[k] = new double[n];
      for (int i = 0; i < n; i++) {
        times[k][i] = t[order[i]];
        values[k][i] = v[order[i]];
      }
    }
  }
}
