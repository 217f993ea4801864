package dev.trimtab.env.sim;

import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.CpuSharing;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.LoadBalancing;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import java.util.List;

/** Hand-built topologies whose behaviour can be worked out on paper. */
final class TestTopologies {
  static final double NO_TIMEOUT_MS = 1e12;

  private TestTopologies() {}

  static ServiceSpec service(
      String name,
      double cpuLimitCores,
      double meanMs,
      double cv,
      int queueBound,
      double timeoutMs) {
    return new ServiceSpec(
        name,
        ServiceKind.CPU,
        1,
        cpuLimitCores,
        512,
        256,
        queueBound,
        timeoutMs,
        1000,
        List.of(new OperationSpec("op", new Demand(meanMs, cv))));
  }

  static CallNode call(String service, double probability, CallNode.Step... steps) {
    return new CallNode(service, "op", probability, List.of(steps));
  }

  static CallNode.Step seq(CallNode node) {
    return new CallNode.Step(List.of(node));
  }

  static CallNode.Step par(CallNode... nodes) {
    return new CallNode.Step(List.of(nodes));
  }

  /** One service, one replica, exponential demand: an M/M/c queue with c = ceil(limit). */
  static Topology singleQueue(double cpuLimitCores, double meanMs, double cv) {
    ServiceSpec s = service("queue", cpuLimitCores, meanMs, cv, 1_000_000, NO_TIMEOUT_MS);
    return new Topology(
        "single-queue",
        "an M/M/c station",
        0,
        List.of(s),
        List.of(new EndpointSpec("op", 1, new Slo(99, 1000), call("queue", 1))));
  }

  /**
   * One service of {@code replicas} replicas behind {@code balancing}, each sharing its CPU by
   * {@code sharing}: with exponential demand and one core each, c M/M/1-like stations fed by the
   * balancer.
   */
  static Topology replicated(
      int replicas,
      double cpuLimitCores,
      double meanMs,
      double cv,
      LoadBalancing balancing,
      CpuSharing sharing) {
    ServiceSpec s =
        service("queue", cpuLimitCores, meanMs, cv, 1_000_000, NO_TIMEOUT_MS)
            .withReplicas(replicas)
            .withLoadBalancing(balancing)
            .withCpuSharing(sharing);
    return new Topology(
        "replicated",
        "c replicas behind a balancer",
        0,
        List.of(s),
        List.of(new EndpointSpec("op", 1, new Slo(99, 1000), call("queue", 1))));
  }

  /** {@code topology} with every service set to {@code balancing} and {@code sharing}. */
  static Topology withPolicies(Topology topology, LoadBalancing balancing, CpuSharing sharing) {
    List<ServiceSpec> services =
        topology.services().stream()
            .map(s -> s.withLoadBalancing(balancing).withCpuSharing(sharing))
            .toList();
    return new Topology(
        topology.name(),
        topology.description(),
        topology.networkHopMs(),
        services,
        topology.endpoints());
  }

  /**
   * A front end that calls an auth service, then a fan-out of two (one of them with probability
   * 0.5) whose first child calls a database. Small queues and timeouts make drops and errors.
   */
  static Topology fanOut(int queueBound, double timeoutMs) {
    List<ServiceSpec> services =
        List.of(
            service("frontend", 1, 0.5, 1, queueBound, timeoutMs),
            service("auth", 0.5, 0.3, 1, queueBound, timeoutMs),
            service("search", 1, 1.0, 1.5, queueBound, timeoutMs),
            service("ads", 0.5, 0.8, 0.5, queueBound, timeoutMs),
            service("db", 1, 2.0, 1, queueBound, timeoutMs));
    CallNode root =
        call(
            "frontend",
            1,
            seq(call("auth", 1)),
            par(call("search", 1, seq(call("db", 1))), call("ads", 0.5)));
    CallNode cheap = call("frontend", 1, seq(call("auth", 1)));
    return new Topology(
        "fan-out",
        "test topology",
        0.1,
        services,
        List.of(
            new EndpointSpec("search", 3, new Slo(99, 50), root),
            new EndpointSpec("login", 1, new Slo(95, 20), cheap)));
  }
}
