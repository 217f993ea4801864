package dev.trimtab.rca.feature;

import dev.trimtab.rca.path.CriticalPath;
import dev.trimtab.rca.path.LongestPath;
import dev.trimtab.rca.telemetry.WindowSignals;
import dev.trimtab.rca.trace.Span;
import dev.trimtab.rca.trace.Trace;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-service statistics of a window of traces, from their critical paths.
 *
 * @param traces traces in the window
 * @param meanLatencyMs mean end-to-end latency
 * @param services by service name, in order of first appearance
 * @param signals the window's metrics and logs ({@link WindowSignals#NONE} for traces alone)
 */
public record WindowStats(
    int traces, double meanLatencyMs, Map<String, ServiceStats> services, WindowSignals signals) {
  private static final double NANOS_PER_MS = 1e6;

  public WindowStats {
    services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    java.util.Objects.requireNonNull(signals);
  }

  /** Statistics of traces alone. */
  public WindowStats(int traces, double meanLatencyMs, Map<String, ServiceStats> services) {
    this(traces, meanLatencyMs, services, WindowSignals.NONE);
  }

  /** The same statistics with {@code s} as the window's metrics and logs. */
  public WindowStats withSignals(WindowSignals s) {
    return new WindowStats(traces, meanLatencyMs, services, s);
  }

  /** The service's statistics, {@link ServiceStats#ABSENT} if it has no span in the window. */
  public ServiceStats of(String service) {
    return services.getOrDefault(service, ServiceStats.ABSENT);
  }

  public static WindowStats of(List<Trace> traces) {
    Map<String, Acc> acc = new LinkedHashMap<>();
    double latencySum = 0;
    Map<String, Boolean> seen = new HashMap<>();
    for (Trace t : traces) {
      CriticalPath cp = LongestPath.of(t);
      double latency = cp.latencyNanos() / NANOS_PER_MS;
      latencySum += latency;
      seen.clear();
      for (int i = 0; i < t.size(); i++) {
        Span s = t.span(i);
        Acc a = acc.computeIfAbsent(s.service(), k -> new Acc());
        if (seen.put(s.service(), Boolean.TRUE) == null) {
          a.traces++;
          a.onPathSelf = 0;
          a.onPathInbound = 0;
          a.onPathHere = false;
        }
        a.spans.add(s.durationNanos() / NANOS_PER_MS);
        int par = t.parent(i);
        if (par < 0) {
          a.entries++;
          a.entryMs += s.durationNanos() / NANOS_PER_MS;
        } else {
          Span p = t.span(par);
          if (!p.service().equals(s.service())) {
            a.entries++;
            a.entryMs += s.durationNanos() / NANOS_PER_MS;
            long hop =
                t.childCount(par) == 1
                    ? p.durationNanos() - s.durationNanos()
                    : s.startNanos() - readySince(t, par, s);
            a.hopMs += Math.max(0, hop) / NANOS_PER_MS;
            a.hops++;
            acc.computeIfAbsent(p.service(), k -> new Acc()).callsOut++;
          }
        }
        if (s.error() && noFailedChild(t, i)) {
          a.errorOriginHere = true;
        }
      }
      for (int k = 0; k < cp.length(); k++) {
        Acc a = acc.get(cp.service(k));
        a.onPathHere = true;
        a.onPathSelf += cp.selfNanos()[k] / NANOS_PER_MS;
        a.onPathInbound += cp.inboundNanos()[k] / NANOS_PER_MS;
      }
      for (String service : seen.keySet()) {
        Acc a = acc.get(service);
        if (a.onPathHere) {
          a.self.add(a.onPathSelf);
          a.inbound.add(a.onPathInbound);
          a.contribution.add(a.onPathSelf + a.onPathInbound);
          a.latency.add(latency);
        }
        if (a.errorOriginHere) {
          a.errorOrigins++;
          a.errorOriginHere = false;
        }
      }
    }
    Map<String, ServiceStats> out = new LinkedHashMap<>();
    for (var e : acc.entrySet()) {
      out.put(e.getKey(), e.getValue().stats(latencySum));
    }
    return new WindowStats(traces.size(), traces.isEmpty() ? 0 : latencySum / traces.size(), out);
  }

  /**
   * When span {@code s}'s caller (span {@code par}) could have called it: the caller's start, or
   * the end of the caller's latest child that ended before {@code s} started (calls in sequence).
   */
  private static long readySince(Trace t, int par, Span s) {
    long ready = t.span(par).startNanos();
    for (int k = 0; k < t.childCount(par); k++) {
      Span c = t.span(t.child(par, k));
      if (c.endNanos() <= s.startNanos() && c.endNanos() > ready) {
        ready = c.endNanos();
      }
    }
    return ready;
  }

  private static boolean noFailedChild(Trace t, int i) {
    for (int k = 0; k < t.childCount(i); k++) {
      if (t.span(t.child(i, k)).error()) {
        return false;
      }
    }
    return true;
  }

  /** Growable primitive list; windows are small and hot, so no boxing. */
  static final class Doubles {
    double[] v = new double[16];
    int n;

    void add(double x) {
      if (n == v.length) {
        v = Arrays.copyOf(v, n * 2);
      }
      v[n++] = x;
    }

    double mean() {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += v[i];
      }
      return n == 0 ? 0 : s / n;
    }

    double sum() {
      return mean() * n;
    }

    /** Nearest-rank quantile; sorts in place. */
    double quantile(double q) {
      if (n == 0) {
        return 0;
      }
      Arrays.sort(v, 0, n);
      int rank = (int) Math.ceil(q * n);
      return v[Math.max(0, Math.min(n - 1, rank - 1))];
    }
  }

  private static final class Acc {
    int traces;
    int errorOrigins;
    int entries;
    double entryMs;
    int hops;
    double hopMs;
    long callsOut;
    boolean errorOriginHere;
    boolean onPathHere;
    double onPathSelf;
    double onPathInbound;
    final Doubles spans = new Doubles();
    final Doubles self = new Doubles();
    final Doubles inbound = new Doubles();
    final Doubles contribution = new Doubles();
    final Doubles latency = new Doubles();

    ServiceStats stats(double latencySum) {
      double ri = pearson(contribution, latency);
      double pathShare = latencySum > 0 ? contribution.sum() / latencySum : 0;
      double p50 = contribution.quantile(0.5);
      double p99 = contribution.quantile(0.99);
      double ci =
          p50 > 0 ? Math.min(ServiceStats.CI_CAP, p99 / p50) : p99 > 0 ? ServiceStats.CI_CAP : 1;
      return new ServiceStats(
          traces,
          self.n,
          self.mean(),
          inbound.mean(),
          ri,
          ci,
          pathShare,
          errorOrigins,
          spans.mean(),
          spans.quantile(0.99),
          entries,
          entries == 0 ? 0 : entryMs / entries,
          hops == 0 ? 0 : hopMs / hops,
          entries == 0 ? 0 : (double) callsOut / entries);
    }
  }

  /** Pearson correlation of two equally long samples; 0 when fewer than 3 or either is constant. */
  static double pearson(Doubles x, Doubles y) {
    int n = x.n;
    if (n < 3) {
      return 0;
    }
    double mx = x.mean();
    double my = y.mean();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x.v[i] - mx;
      double dy = y.v[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  }
}
