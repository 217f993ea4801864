package dev.trimtab.env.topology;

/**
 * Mean CPU load that an open-loop request rate offers to each service of a topology, from the
 * endpoint weights, call probabilities and mean demands alone (no queueing). It sizes initial
 * allocations and checks that a topology's nominal rate leaves headroom: a service whose
 * utilisation reaches 1 cannot keep up at all.
 */
public final class OfferedLoad {
  private OfferedLoad() {}

  /**
   * Busy cores each service needs on average, indexed as {@link Topology#services()}: the sum over
   * endpoints of rate × endpoint share × probability that each call is made (the product of
   * probabilities from the root) × mean demand.
   *
   * @param requestsPerSecond total client requests per second over all endpoints
   */
  public static double[] busyCores(Topology topology, double requestsPerSecond) {
    double totalWeight = 0;
    for (EndpointSpec e : topology.endpoints()) {
      totalWeight += e.weight();
    }
    double[] cores = new double[topology.services().size()];
    for (EndpointSpec e : topology.endpoints()) {
      double rate = requestsPerSecond * e.weight() / totalWeight;
      add(topology, e.root(), rate, cores);
    }
    return cores;
  }

  /** {@link #busyCores} over each service's total CPU limit (replicas × cpuLimitCores). */
  public static double[] utilisation(Topology topology, double requestsPerSecond) {
    double[] u = busyCores(topology, requestsPerSecond);
    for (int i = 0; i < u.length; i++) {
      ServiceSpec s = topology.services().get(i);
      u[i] /= s.replicas() * s.cpuLimitCores();
    }
    return u;
  }

  private static void add(Topology topology, CallNode node, double parentRate, double[] cores) {
    double rate = parentRate * node.probability();
    int i = topology.serviceIndex(node.service());
    cores[i] +=
        rate
            * topology.services().get(i).operation(node.operation()).demandCoreMs().meanMs()
            / 1000.0;
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        add(topology, child, rate, cores);
      }
    }
  }
}
