package dev.trimtab.cli.output;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.ServiceMetrics;
import java.util.List;

/** Hand-made metrics whose values are exact in binary, so their text is known in advance. */
final class Samples {
  private Samples() {}

  static ServiceMetrics frontend() {
    return new ServiceMetrics(
        "frontend",
        2,
        1,
        0.5,
        512,
        100,
        98,
        1,
        1,
        1234.5,
        0.625,
        0.75,
        12.25,
        3.5,
        9.75,
        20.125,
        4,
        0.25,
        1530,
        12.5,
        12.5,
        0.0015625,
        1024);
  }

  static ServiceMetrics db() {
    return new ServiceMetrics("db", 1, 1, 2, 1024, 40, 40, 0, 0, 80, 0.04, 0.5, 0, 1, 2, 3, 0);
  }

  static EndpointMetrics composePost() {
    return new EndpointMetrics(
        "compose-post", 50, 45, 5, 10.5, 99.25, Double.POSITIVE_INFINITY, true, 0.875);
  }

  static EndpointMetrics readTimeline() {
    return new EndpointMetrics("read-timeline", 50, 50, 0, 2.5, 7.5, 6.0, false);
  }

  static IntervalMetrics interval(double startMs, double endMs) {
    return new IntervalMetrics(
        startMs,
        endMs,
        100,
        95,
        3,
        2,
        0,
        100,
        95,
        3,
        2,
        4.5,
        90,
        List.of(frontend(), db()),
        List.of(composePost(), readTimeline()));
  }

  static RunSummary summary() {
    return new RunSummary(
        1000, 950, 20, 10, 20, 12.5, 4.25, 99.5, 6.125, 30.5, 120, 600, 123456, 2500.5, 0.25, 3072,
        0);
  }
}
