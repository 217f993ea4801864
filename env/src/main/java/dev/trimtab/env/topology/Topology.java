package dev.trimtab.env.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An application: its services and endpoints. Instances are validated by {@link TopologyLoader};
 * names are unique and every call names an existing service and operation.
 *
 * @param networkHopMs one-way network latency of a call between two services (and from the client)
 */
public record Topology(
    String name,
    String description,
    double networkHopMs,
    List<ServiceSpec> services,
    List<EndpointSpec> endpoints) {

  public Topology {
    services = List.copyOf(services);
    endpoints = List.copyOf(endpoints);
    Set<String> names = new HashSet<>();
    for (ServiceSpec s : services) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("duplicate service name '" + s.name() + "'");
      }
    }
    for (EndpointSpec e : endpoints) {
      checkCalls(services, names, e.root());
    }
  }

  private static void checkCalls(List<ServiceSpec> services, Set<String> names, CallNode node) {
    if (!names.contains(node.service())) {
      throw new IllegalArgumentException("call to unknown service '" + node.service() + "'");
    }
    for (ServiceSpec s : services) {
      if (s.name().equals(node.service())) {
        s.operation(node.operation());
      }
    }
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        checkCalls(services, names, child);
      }
    }
  }

  /** Index of the named service in {@link #services()}, or -1. */
  public int serviceIndex(String serviceName) {
    for (int i = 0; i < services.size(); i++) {
      if (services.get(i).name().equals(serviceName)) {
        return i;
      }
    }
    return -1;
  }

  public ServiceSpec service(String serviceName) {
    int i = serviceIndex(serviceName);
    if (i < 0) {
      throw new IllegalArgumentException(
          "topology " + name + " has no service '" + serviceName + "'");
    }
    return services.get(i);
  }
}
