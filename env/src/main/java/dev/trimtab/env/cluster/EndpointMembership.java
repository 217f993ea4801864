package dev.trimtab.env.cluster;

import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/** Which endpoints' call trees reach each service: an agent answers for those endpoints' SLOs. */
final class EndpointMembership {
  private final int[][] endpointsOfService;

  EndpointMembership(Topology topology) {
    int services = topology.services().size();
    List<List<Integer>> lists = new ArrayList<>();
    for (int s = 0; s < services; s++) {
      lists.add(new ArrayList<>());
    }
    for (int e = 0; e < topology.endpoints().size(); e++) {
      boolean[] reached = new boolean[services];
      mark(topology, topology.endpoints().get(e).root(), reached);
      for (int s = 0; s < services; s++) {
        if (reached[s]) {
          lists.get(s).add(e);
        }
      }
    }
    endpointsOfService = new int[services][];
    for (int s = 0; s < services; s++) {
      endpointsOfService[s] = lists.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static void mark(Topology topology, CallNode node, boolean[] reached) {
    reached[topology.serviceIndex(node.service())] = true;
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        mark(topology, child, reached);
      }
    }
  }

  int[] endpointsOf(int service) {
    return endpointsOfService[service];
  }
}
