package dev.trimtab.agents.baselines;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.ToDoubleFunction;

/**
 * The control intervals of the last {@code windowMs} of simulated time, so that a controller can
 * read a metric the way metrics-server reports it: one average over its resolution window (15 s by
 * default), whatever the length of the control interval.
 */
final class MetricWindow {
  private final double windowMs;
  private final Deque<IntervalMetrics> intervals = new ArrayDeque<>();

  MetricWindow(double windowMs) {
    this.windowMs = windowMs;
  }

  /** Adds an interval and forgets those that ended before the window of the newest one. */
  void add(IntervalMetrics metrics) {
    intervals.addLast(metrics);
    double cutoff = metrics.endMs() - windowMs;
    while (intervals.peekFirst().endMs() <= cutoff) {
      intervals.removeFirst();
    }
  }

  void clear() {
    intervals.clear();
  }

  boolean isEmpty() {
    return intervals.isEmpty();
  }

  /** The newest interval; the window must not be empty. */
  IntervalMetrics latest() {
    return intervals.getLast();
  }

  /**
   * The average of {@code value} over the service's intervals, each weighted by the part of it that
   * lies inside the window {@code (end − windowMs, end]}; NaN when the service has none.
   */
  double average(String service, ToDoubleFunction<ServiceMetrics> value) {
    double fromMs = latest().endMs() - windowMs;
    double weighted = 0;
    double weights = 0;
    for (Iterator<IntervalMetrics> it = intervals.iterator(); it.hasNext(); ) {
      IntervalMetrics m = it.next();
      double overlapMs = m.endMs() - Math.max(m.startMs(), fromMs);
      ServiceMetrics s = find(m, service);
      if (overlapMs > 0 && s != null) {
        weighted += overlapMs * value.applyAsDouble(s);
        weights += overlapMs;
      }
    }
    return weights > 0 ? weighted / weights : Double.NaN;
  }

  /** The highest {@code value} among the service's intervals in the window; NaN when none. */
  double max(String service, ToDoubleFunction<ServiceMetrics> value) {
    double fromMs = latest().endMs() - windowMs;
    double max = Double.NaN;
    for (IntervalMetrics m : intervals) {
      ServiceMetrics s = find(m, service);
      if (m.endMs() > fromMs && s != null) {
        double v = value.applyAsDouble(s);
        max = Double.isNaN(max) ? v : Math.max(max, v);
      }
    }
    return max;
  }

  /** The service's metrics in {@code m}, or null when the interval does not list it. */
  static ServiceMetrics find(IntervalMetrics m, String service) {
    for (ServiceMetrics s : m.services()) {
      if (s.service().equals(service)) {
        return s;
      }
    }
    return null;
  }
}
