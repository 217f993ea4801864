package dev.trimtab.testbed.live.load;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.topology.EndpointSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What clients saw in one control interval, computed exactly as the simulator computes it: per
 * endpoint the arrivals, completions and failures, p50 and p99 of completed requests, the latency
 * at the SLO's percentile with failures counted as infinitely slow, whether it exceeded the bound,
 * and the share answered within the bound.
 */
public final class ClientWindow {
  private final List<EndpointSpec> endpoints;
  private final long[] arrived;
  private final long[] completed;
  private final long[] failed;
  private final Latencies[] latencies;
  private final Latencies all = new Latencies();
  private long dropped;
  private long errored;

  public ClientWindow(List<EndpointSpec> endpoints) {
    this.endpoints = List.copyOf(endpoints);
    int n = endpoints.size();
    arrived = new long[n];
    completed = new long[n];
    failed = new long[n];
    latencies = new Latencies[n];
    for (int e = 0; e < n; e++) {
      latencies[e] = new Latencies();
    }
  }

  public void arrived(int endpoint) {
    arrived[endpoint]++;
  }

  public void ended(RequestRecord r) {
    if (r.outcome() == RequestRecord.COMPLETED) {
      completed[r.endpoint()]++;
      latencies[r.endpoint()].add(r.latencyMs());
      all.add(r.latencyMs());
    } else {
      failed[r.endpoint()]++;
      if (r.outcome() == RequestRecord.DROPPED) {
        dropped++;
      } else {
        errored++;
      }
    }
  }

  public long arrived() {
    long n = 0;
    for (long a : arrived) {
      n += a;
    }
    return n;
  }

  public long completed() {
    return all.size();
  }

  public long dropped() {
    return dropped;
  }

  public long errored() {
    return errored;
  }

  /** Nearest-rank percentile of every completed request's latency; 0 when none completed. */
  public double percentileMs(double p) {
    return all.percentile(p);
  }

  public List<EndpointMetrics> endpointMetrics() {
    List<EndpointMetrics> out = new ArrayList<>(endpoints.size());
    for (int e = 0; e < endpoints.size(); e++) {
      EndpointSpec spec = endpoints.get(e);
      Latencies l = latencies[e];
      double sloLatency = l.percentile(spec.slo().percentile(), failed[e]);
      long answered = completed[e] + failed[e];
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
              answered == 0 ? 1 : (double) l.countAtMost(spec.slo().latencyMs()) / answered));
    }
    return out;
  }
}
