package dev.trimtab.rca.data;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.telemetry.SimulatedLogRecord;
import dev.trimtab.rca.telemetry.Drain;
import dev.trimtab.rca.telemetry.LogCounts;
import dev.trimtab.rca.telemetry.LogEvents;
import dev.trimtab.rca.telemetry.LogLevel;
import dev.trimtab.rca.telemetry.ServiceSignals;
import dev.trimtab.rca.telemetry.WindowSignals;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated run's metrics and logs as the same evidence real data gives: per service, CPU and
 * memory utilisation, success rate, p95 response time at the service, calls per second (no client
 * side latency: the simulator measures calls at the callee), and log counts by level and template.
 * What the simulator's Prometheus and OTLP exports carry, read without the file round trip
 * (SimulatedTelemetryTest checks that the two agree).
 */
public final class SimulatedTelemetry {
  private SimulatedTelemetry() {}

  /** The records as log events, templates mined by {@code drain} (shared across a run). */
  public static LogEvents logs(List<SimulatedLogRecord> records, Drain drain) {
    LogEvents.Builder b = new LogEvents.Builder(drain);
    for (SimulatedLogRecord r : records) {
      LogLevel l = LogLevel.ofWord(r.severity());
      b.add(r.service(), r.timeNanos(), l == null ? LogLevel.UNKNOWN : l, r.body());
    }
    return b.build();
  }

  /** The intervals' metrics and logs together, as one period. */
  public static WindowSignals signals(List<IntervalMetrics> intervals, List<LogEvents> logs) {
    double durationS = 0;
    Map<String, double[]> acc = new LinkedHashMap<>();
    for (IntervalMetrics m : intervals) {
      durationS += (m.endMs() - m.startMs()) / 1000;
      for (ServiceMetrics s : m.services()) {
        double[] a = acc.computeIfAbsent(s.service(), k -> new double[8]);
        a[0] += s.cpuUtilisation();
        a[1] += s.memoryUtilisation();
        a[2]++;
        a[3] += s.completed();
        a[4] += s.completed() + s.errors() + s.dropped();
        if (s.completed() > 0) {
          a[5] += s.p95Ms() / 1000;
          a[6]++;
        }
        a[7] += s.arrivals();
      }
    }
    Map<String, int[]> lines = new HashMap<>();
    Map<String, Map<Integer, Integer>> templates = new HashMap<>();
    boolean anyLogs = false;
    for (LogEvents l : logs) {
      anyLogs |= !l.isEmpty();
      for (String s : l.services()) {
        LogCounts c = l.count(s, Long.MIN_VALUE, Long.MAX_VALUE);
        int[] n = lines.computeIfAbsent(s, k -> new int[2]);
        n[0] += c.lines();
        n[1] += c.errors();
        Map<Integer, Integer> t = templates.computeIfAbsent(s, k -> new HashMap<>());
        c.templates().forEach((k, v) -> t.merge(k, v, Integer::sum));
      }
    }
    Map<String, ServiceSignals> out = new LinkedHashMap<>();
    double seconds = durationS;
    acc.forEach(
        (s, a) -> {
          int[] n = lines.getOrDefault(s, new int[2]);
          out.put(
              s,
              new ServiceSignals(
                  a[0] / a[2],
                  a[1] / a[2],
                  a[4] > 0 ? a[3] / a[4] : Double.NaN,
                  a[6] > 0 ? a[5] / a[6] : Double.NaN,
                  Double.NaN,
                  seconds > 0 ? a[7] / seconds : Double.NaN,
                  new LogCounts(n[0], n[1], templates.getOrDefault(s, Map.of()))));
        });
    return new WindowSignals(durationS, !intervals.isEmpty(), anyLogs || !logs.isEmpty(), out);
  }
}
