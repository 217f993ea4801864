package dev.trimtab.env.sim;

import dev.trimtab.env.topology.EndpointSpec;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** Client-side counts and latencies: per endpoint for the interval, and for the whole run. */
final class RequestStats {
  private static final long MAX_TRACKED_US = 3_600_000_000L;

  private final List<EndpointSpec> endpoints;
  private final long[] arrived;
  private final long[] completed;
  private final long[] failed;
  private final LatencyBuffer[] latencies;
  private final LatencyBuffer allLatencies = new LatencyBuffer();
  private final Histogram runLatencyUs = new Histogram(MAX_TRACKED_US, 3);

  long intervalArrived;
  long intervalCompleted;
  long intervalDropped;
  long intervalErrored;
  long arrivedTotal;
  long completedTotal;
  long droppedTotal;
  long erroredTotal;
  double latencySumMs;

  RequestStats(List<EndpointSpec> endpoints) {
    this.endpoints = endpoints;
    int n = endpoints.size();
    arrived = new long[n];
    completed = new long[n];
    failed = new long[n];
    latencies = new LatencyBuffer[n];
    for (int e = 0; e < n; e++) {
      latencies[e] = new LatencyBuffer();
    }
  }

  void arrived(int endpoint) {
    arrived[endpoint]++;
    intervalArrived++;
    arrivedTotal++;
  }

  void completed(int endpoint, double latencyMs) {
    completed[endpoint]++;
    latencies[endpoint].add(latencyMs);
    allLatencies.add(latencyMs);
    intervalCompleted++;
    completedTotal++;
    latencySumMs += latencyMs;
    runLatencyUs.recordValue(Math.min(MAX_TRACKED_US, Math.round(latencyMs * 1000)));
  }

  void failed(int endpoint, boolean dropped) {
    failed[endpoint]++;
    if (dropped) {
      intervalDropped++;
      droppedTotal++;
    } else {
      intervalErrored++;
      erroredTotal++;
    }
  }

  long inFlight() {
    return arrivedTotal - completedTotal - droppedTotal - erroredTotal;
  }

  double intervalPercentile(double p) {
    return allLatencies.percentile(p);
  }

  List<EndpointMetrics> endpointMetrics() {
    List<EndpointMetrics> out = new ArrayList<>(endpoints.size());
    for (int e = 0; e < endpoints.size(); e++) {
      EndpointSpec spec = endpoints.get(e);
      LatencyBuffer l = latencies[e];
      double sloLatency = l.percentile(spec.slo().percentile(), failed[e]);
      out.add(
          new EndpointMetrics(
              spec.name(),
              arrived[e],
              completed[e],
              failed[e],
              l.percentile(50),
              l.percentile(99),
              sloLatency,
              sloLatency > spec.slo().latencyMs(),
              completed[e] + failed[e] == 0
                  ? 1
                  : (double) l.countAtMost(spec.slo().latencyMs()) / (completed[e] + failed[e])));
    }
    return out;
  }

  double runPercentileMs(double p) {
    return runLatencyUs.getTotalCount() == 0 ? 0 : runLatencyUs.getValueAtPercentile(p) / 1000.0;
  }

  double runMeanMs() {
    return completedTotal == 0 ? 0 : latencySumMs / completedTotal;
  }

  void clearInterval() {
    for (int e = 0; e < endpoints.size(); e++) {
      arrived[e] = 0;
      completed[e] = 0;
      failed[e] = 0;
      latencies[e].clear();
    }
    allLatencies.clear();
    intervalArrived = 0;
    intervalCompleted = 0;
    intervalDropped = 0;
    intervalErrored = 0;
  }
}
