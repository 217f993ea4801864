package dev.trimtab.env.sim;

import java.util.List;

/**
 * Everything that happened in one control interval {@code [startMs, endMs)}.
 *
 * <p>Request conservation holds after every interval: {@code arrivedTotal == completedTotal +
 * droppedTotal + erroredTotal + inFlight}.
 *
 * @param arrived client requests that arrived in the interval
 * @param completed client requests answered successfully in the interval
 * @param dropped client requests that failed because a queue was full somewhere on their path
 * @param errored client requests that failed for another reason (timeout, crash, no replica)
 * @param inFlight client requests still open at {@code endMs}
 */
public record IntervalMetrics(
    double startMs,
    double endMs,
    long arrived,
    long completed,
    long dropped,
    long errored,
    long inFlight,
    long arrivedTotal,
    long completedTotal,
    long droppedTotal,
    long erroredTotal,
    double p50Ms,
    double p99Ms,
    List<ServiceMetrics> services,
    List<EndpointMetrics> endpoints) {

  public IntervalMetrics {
    services = List.copyOf(services);
    endpoints = List.copyOf(endpoints);
  }

  /** Whether any endpoint missed its SLO in this interval. */
  public boolean sloViolated() {
    for (EndpointMetrics e : endpoints) {
      if (e.sloViolated()) {
        return true;
      }
    }
    return false;
  }
}
