package dev.trimtab.agents.baselines;

import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.ArrivalStream;
import dev.trimtab.env.workload.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Tiny topologies, a Poisson workload with one rate step, and a control loop that records. */
final class Tiny {
  private Tiny() {}

  /** One replica of {@code name} with exponential demand, a deep queue and 1 s start-up. */
  static ServiceSpec service(String name, double cpuLimitCores, double meanMs) {
    return new ServiceSpec(
        name,
        ServiceKind.CPU,
        1,
        cpuLimitCores,
        1024,
        256,
        10_000,
        60_000,
        1000,
        List.of(new OperationSpec("op", new Demand(meanMs, 1))));
  }

  /** An endpoint that calls {@code service} alone, with a p99 SLO. */
  static EndpointSpec endpoint(String name, String service, double p99Ms) {
    return new EndpointSpec(name, 1, new Slo(99, p99Ms), new CallNode(service, "op", 1, List.of()));
  }

  static Topology topology(List<ServiceSpec> services, List<EndpointSpec> endpoints) {
    return new Topology("tiny", "test", 0, services, endpoints);
  }

  /** Poisson arrivals at {@code beforePerS} until {@code stepMs}, then at {@code afterPerS}. */
  static Workload step(double beforePerS, double afterPerS, double stepMs) {
    return new Workload() {
      @Override
      public ArrivalStream open(RandomGenerator rng) {
        return new ArrivalStream() {
          private double t;

          @Override
          public double nextArrivalMs() {
            double rate = t < stepMs ? beforePerS : afterPerS;
            double next = t - 1000 / rate * Math.log(1 - rng.nextDouble());
            if (t < stepMs && next >= stepMs) {
              // memoryless: restart the gap at the step with the new rate
              next = stepMs - 1000 / afterPerS * Math.log(1 - rng.nextDouble());
            }
            t = next;
            return t;
          }
        };
      }

      @Override
      public Map<String, Double> mix() {
        return Map.of();
      }

      @Override
      public double meanRatePerS(double horizonS) {
        return afterPerS;
      }

      @Override
      public String describe() {
        return "step " + beforePerS + " → " + afterPerS + " req/s";
      }
    };
  }

  /** One interval and the allocation the controller left after it. */
  record Step(
      IntervalMetrics metrics,
      Map<String, Double> cpu,
      Map<String, Double> memory,
      Map<String, Integer> replicas) {}

  /** Runs {@code seconds} one-second intervals with {@code controller} in the loop. */
  static List<Step> run(Topology topology, Workload workload, Controller controller, int seconds) {
    Simulation sim = Simulation.create(topology, workload, 42);
    controller.reset(sim);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < seconds; i++) {
      IntervalMetrics m = sim.runFor(1000);
      controller.act(m, sim);
      Map<String, Double> cpu = new LinkedHashMap<>();
      Map<String, Double> memory = new LinkedHashMap<>();
      Map<String, Integer> replicas = new LinkedHashMap<>();
      for (String s : sim.services()) {
        cpu.put(s, sim.cpuLimitCores(s));
        memory.put(s, sim.memoryLimitMiB(s));
        replicas.put(s, sim.replicas(s));
      }
      steps.add(new Step(m, cpu, memory, replicas));
    }
    return steps;
  }

  /** Intervals from {@code fromS} on in which {@code endpoint} missed its SLO. */
  static long violations(List<Step> steps, String endpoint, int fromS) {
    return steps.subList(fromS, steps.size()).stream()
        .filter(
            s ->
                s.metrics().endpoints().stream()
                    .anyMatch(e -> e.endpoint().equals(endpoint) && e.sloViolated()))
        .count();
  }
}
