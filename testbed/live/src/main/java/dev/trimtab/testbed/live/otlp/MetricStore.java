package dev.trimtab.testbed.live.otlp;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest value of every number metric (gauges and sums) that the services export, per service,
 * metric name and attribute set. Cumulative sums ({@code jvm.cpu.time}) are read as differences
 * between two reads; gauges and up-down sums ({@code jvm.memory.used}) as they are.
 */
public final class MetricStore {
  /** A metric's latest value and when it was measured. */
  public record Point(double value, long epochNanos) {}

  private final Map<String, Map<String, Map<String, Point>>> byService = new HashMap<>();

  /** Records a data point; older points than the one held are ignored. */
  public synchronized void put(
      String service, String metric, String attributes, double value, long epochNanos) {
    Map<String, Point> series =
        byService
            .computeIfAbsent(service, s -> new HashMap<>())
            .computeIfAbsent(metric, m -> new TreeMap<>());
    Point old = series.get(attributes);
    if (old == null || old.epochNanos() <= epochNanos) {
      series.put(attributes, new Point(value, epochNanos));
    }
  }

  /**
   * The metric's latest values summed over its attribute sets (e.g. {@code jvm.memory.used} over
   * memory pools), or NaN when the service has not reported it.
   */
  public synchronized double sum(String service, String metric) {
    Map<String, Point> series = byService.getOrDefault(service, Map.of()).get(metric);
    if (series == null || series.isEmpty()) {
      return Double.NaN;
    }
    double total = 0;
    for (Point p : series.values()) {
      total += p.value();
    }
    return total;
  }

  /** Metric names a service has reported, sorted. */
  public synchronized java.util.List<String> metrics(String service) {
    return byService.getOrDefault(service, Map.of()).keySet().stream().sorted().toList();
  }

  /** Forgets a service's values (its process restarted, so its cumulative sums start over). */
  public synchronized void forget(String service) {
    byService.remove(service);
  }

  public synchronized void clear() {
    byService.clear();
  }
}
