package dev.trimtab.agents.baselines;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Topology;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services each endpoint's requests may pass through: the services a controller should blame
 * when that endpoint misses its SLO.
 *
 * @param servicesByEndpoint endpoint name to the services its call tree reaches (optional calls
 *     included)
 */
public record CallPaths(Map<String, Set<String>> servicesByEndpoint) {

  public CallPaths {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    servicesByEndpoint.forEach((e, s) -> copy.put(e, Set.copyOf(s)));
    servicesByEndpoint = Map.copyOf(copy);
  }

  /** The call paths of every endpoint of {@code topology}. */
  public static CallPaths of(Topology topology) {
    Map<String, Set<String>> map = new LinkedHashMap<>();
    for (EndpointSpec e : topology.endpoints()) {
      Set<String> services = new LinkedHashSet<>();
      collect(e.root(), services);
      map.put(e.name(), services);
    }
    return new CallPaths(map);
  }

  private static void collect(CallNode node, Set<String> into) {
    into.add(node.service());
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        collect(child, into);
      }
    }
  }

  /** The services on the path of any endpoint that missed its SLO in these metrics. */
  public Set<String> onViolatedPaths(List<EndpointMetrics> endpoints) {
    Set<String> blamed = new LinkedHashSet<>();
    for (EndpointMetrics e : endpoints) {
      if (e.sloViolated()) {
        Set<String> services = servicesByEndpoint.get(e.endpoint());
        if (services == null) {
          throw new IllegalArgumentException(
              "no call path for endpoint '"
                  + e.endpoint()
                  + "'; known: "
                  + servicesByEndpoint.keySet());
        }
        blamed.addAll(services);
      }
    }
    return blamed;
  }
}
