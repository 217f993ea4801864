package dev.trimtab.faults;

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
import java.util.random.RandomGenerator;

/**
 * A small shop: {@code browse} = frontend -> cart -> db, {@code predict} = frontend -> infer (a GPU
 * service). Demands are deterministic and every call is made, so two runs with the same arrivals
 * are identical once queues drain: what lets removal be checked exactly.
 */
public final class Fixtures {
  public static final double TIMEOUT_MS = 200;

  private Fixtures() {}

  static ServiceSpec service(String name, ServiceKind kind, double meanMs) {
    return new ServiceSpec(
        name,
        kind,
        1,
        1,
        512,
        256,
        1000,
        TIMEOUT_MS,
        1000,
        List.of(new OperationSpec("op", new Demand(meanMs, 0))));
  }

  static CallNode call(String service, CallNode... children) {
    List<CallNode.Step> steps =
        java.util.Arrays.stream(children).map(c -> new CallNode.Step(List.of(c))).toList();
    return new CallNode(service, "op", 1, steps);
  }

  public static Topology shop() {
    return new Topology(
        "shop",
        "four services, two endpoints",
        0,
        List.of(
            service("frontend", ServiceKind.CPU, 2),
            service("cart", ServiceKind.CPU, 1),
            service("db", ServiceKind.CPU, 3),
            service("infer", ServiceKind.GPU, 4)),
        List.of(
            new EndpointSpec(
                "browse", 1, new Slo(99, 100), call("frontend", call("cart", call("db")))),
            new EndpointSpec("predict", 1, new Slo(99, 100), call("frontend", call("infer")))));
  }

  /** The first yaml block after the "Complete example" heading of docs/formats/faults.md. */
  public static String docExample() throws java.io.IOException {
    String doc =
        java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "formats", "faults.md"));
    int from = doc.indexOf("```yaml", doc.indexOf("## Complete example")) + "```yaml\n".length();
    return doc.substring(from, doc.indexOf("```", from));
  }

  /** Poisson arrivals at {@code ratePerS}, forever. */
  public static Workload poisson(double ratePerS) {
    return new Workload() {
      @Override
      public ArrivalStream open(RandomGenerator rng) {
        double meanGapMs = 1000 / ratePerS;
        return new ArrivalStream() {
          private double t;

          @Override
          public double nextArrivalMs() {
            t += -meanGapMs * Math.log(1 - rng.nextDouble());
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
        return ratePerS;
      }

      @Override
      public String describe() {
        return "poisson " + ratePerS + " req/s";
      }
    };
  }
}
