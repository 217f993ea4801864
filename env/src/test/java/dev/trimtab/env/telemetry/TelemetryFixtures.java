package dev.trimtab.env.telemetry;

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
import java.util.List;
import java.util.Map;

/** A small topology and a Poisson workload, copied from the simulator's test helpers. */
final class TelemetryFixtures {
  private TelemetryFixtures() {}

  private static ServiceSpec service(
      String name, double cpuLimitCores, double meanMs, double cv, double timeoutMs) {
    return new ServiceSpec(
        name,
        ServiceKind.CPU,
        1,
        cpuLimitCores,
        512,
        256,
        1000,
        timeoutMs,
        1000,
        List.of(new OperationSpec("op", new Demand(meanMs, cv))));
  }

  private static CallNode call(String service, double probability, CallNode.Step... steps) {
    return new CallNode(service, "op", probability, List.of(steps));
  }

  /**
   * {@code search}: frontend → auth, then in parallel search → db and (p = 0.5) ads; {@code login}:
   * frontend → auth. Call timeouts are {@code timeoutMs} at every service.
   */
  static Topology fanOut(double timeoutMs) {
    List<ServiceSpec> services =
        List.of(
            service("frontend", 1, 0.5, 1, timeoutMs),
            service("auth", 0.5, 0.3, 1, timeoutMs),
            service("search", 1, 1.0, 1.5, timeoutMs),
            service("ads", 0.5, 0.8, 0.5, timeoutMs),
            service("db", 1, 2.0, 1, timeoutMs));
    CallNode search =
        call(
            "frontend",
            1,
            new CallNode.Step(List.of(call("auth", 1))),
            new CallNode.Step(
                List.of(
                    call("search", 1, new CallNode.Step(List.of(call("db", 1)))),
                    call("ads", 0.5))));
    CallNode login = call("frontend", 1, new CallNode.Step(List.of(call("auth", 1))));
    return new Topology(
        "fan-out",
        "telemetry test topology",
        0.1,
        services,
        List.of(
            new EndpointSpec("search", 3, new Slo(99, 50), search),
            new EndpointSpec("login", 1, new Slo(95, 20), login)));
  }

  /** Poisson arrivals at {@code ratePerS} until {@code endMs}, then none. */
  static Workload poisson(double ratePerS, double endMs) {
    return new Workload() {
      @Override
      public ArrivalStream open(java.util.random.RandomGenerator rng) {
        double meanGapMs = 1000 / ratePerS;
        return new ArrivalStream() {
          private double t;

          @Override
          public double nextArrivalMs() {
            t += -meanGapMs * Math.log(1 - rng.nextDouble());
            return t < endMs ? t : Double.POSITIVE_INFINITY;
          }
        };
      }

      @Override
      public Map<String, Double> mix() {
        return Map.of();
      }

      @Override
      public double meanRatePerS(double horizonS) {
        return ratePerS;
      }

      @Override
      public String describe() {
        return "poisson " + ratePerS + " req/s";
      }
    };
  }
}
