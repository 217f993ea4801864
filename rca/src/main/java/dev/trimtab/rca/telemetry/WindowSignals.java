package dev.trimtab.rca.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Metrics and logs of every service over one window (or its reference).
 *
 * @param durationS the period's length, for log rates
 * @param hasMetrics whether any metric was given for the period (else metric features are 0)
 * @param hasLogs whether any log source was given (else log features are 0)
 * @param services by service name
 */
public record WindowSignals(
    double durationS, boolean hasMetrics, boolean hasLogs, Map<String, ServiceSignals> services) {
  /** No metrics and no logs. */
  public static final WindowSignals NONE = new WindowSignals(0, false, false, Map.of());

  public WindowSignals {
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }

  public ServiceSignals of(String service) {
    return services.getOrDefault(service, ServiceSignals.ABSENT);
  }

  /** The period {@code [fromNanos, toNanos)} of {@code metrics} and {@code logs}. */
  public static WindowSignals of(
      MetricSeries metrics, LogEvents logs, long fromNanos, long toNanos) {
    Set<String> names = new LinkedHashSet<>(metrics.services());
    names.addAll(logs.services());
    Map<String, ServiceSignals> out = new LinkedHashMap<>();
    for (String s : names) {
      out.put(
          s,
          new ServiceSignals(
              metrics.mean(s, Signal.CPU, fromNanos, toNanos),
              metrics.mean(s, Signal.MEMORY, fromNanos, toNanos),
              metrics.mean(s, Signal.SUCCESS_RATE, fromNanos, toNanos),
              metrics.mean(s, Signal.SERVER_LATENCY, fromNanos, toNanos),
              metrics.mean(s, Signal.CLIENT_LATENCY, fromNanos, toNanos),
              metrics.mean(s, Signal.WORKLOAD, fromNanos, toNanos),
              logs.count(s, fromNanos, toNanos)));
    }
    return new WindowSignals((toNanos - fromNanos) / 1e9, !metrics.isEmpty(), !logs.isEmpty(), out);
  }
}
