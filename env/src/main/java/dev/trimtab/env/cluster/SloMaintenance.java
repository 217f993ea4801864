package dev.trimtab.env.cluster;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.topology.Topology;
import java.util.List;

/**
 * FIRM's SLO maintenance ratio, per endpoint and per service.
 *
 * <p>For an endpoint, {@code SM = min(1, bound / latency)} where latency is the interval's latency
 * at the SLO percentile (failures counted as infinitely slow): 1 while the SLO holds, 0.5 at twice
 * the bound, 0 when failures alone break it. An endpoint with no requests in the interval has SM 1.
 * A service's SM is the lowest SM of the endpoints whose call trees reach it.
 */
final class SloMaintenance {
  private final Topology topology;
  private final EndpointMembership membership;

  SloMaintenance(Topology topology) {
    this.topology = topology;
    this.membership = new EndpointMembership(topology);
  }

  static double ratio(double boundMs, double latencyMs) {
    if (latencyMs <= boundMs) {
      return 1;
    }
    return Double.isInfinite(latencyMs) ? 0 : boundMs / latencyMs;
  }

  double[] perEndpoint(List<EndpointMetrics> endpoints) {
    double[] sm = new double[endpoints.size()];
    for (int e = 0; e < sm.length; e++) {
      EndpointMetrics m = endpoints.get(e);
      sm[e] =
          m.arrived() + m.completed() + m.failed() == 0
              ? 1
              : ratio(topology.endpoints().get(e).slo().latencyMs(), m.sloLatencyMs());
    }
    return sm;
  }

  double[] perService(double[] endpointSm) {
    int services = topology.services().size();
    double[] sm = new double[services];
    for (int s = 0; s < services; s++) {
      double lowest = 1;
      for (int e : membership.endpointsOf(s)) {
        lowest = Math.min(lowest, endpointSm[e]);
      }
      sm[s] = lowest;
    }
    return sm;
  }
}
