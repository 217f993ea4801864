package dev.trimtab.env.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionAndSloTest {

  @Test
  void discreteActionsMapToOneStepEachWay() {
    ServiceAction up = ServiceAction.fromDiscrete(new int[] {2, 2, 0, 1}, Bounds.DEFAULT);
    assertEquals(new ServiceAction(1, 1.25, 0.75, 0), up);
    assertEquals(
        ServiceAction.KEEP, ServiceAction.fromDiscrete(new int[] {1, 1, 1, 1}, Bounds.DEFAULT));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServiceAction.fromDiscrete(new int[] {3, 1, 1, 1}, Bounds.DEFAULT));
  }

  @Test
  void continuousActionsAreLogScaledAndClipped() {
    ServiceAction a = ServiceAction.fromContinuous(new double[] {0.6, -1, 5, -0.4}, Bounds.DEFAULT);
    assertEquals(1, a.replicaDelta()); // round(1.2)
    assertEquals(1 / 1.25, a.cpuFactor(), 1e-12); // 1.25^-1
    assertEquals(1.25, a.memoryFactor(), 1e-12); // clipped to +1
    assertEquals(0, a.gpuLevelDelta()); // round(-0.4)
  }

  private static ServiceSpec svc(String name) {
    return new ServiceSpec(
        name,
        ServiceKind.CPU,
        1,
        1,
        512,
        256,
        100,
        1000,
        1000,
        List.of(new OperationSpec("op", new Demand(1, 1))));
  }

  private static CallNode call(String s, CallNode... children) {
    return new CallNode(
        s,
        "op",
        1,
        children.length == 0 ? List.of() : List.of(new CallNode.Step(List.of(children))));
  }

  @Test
  void serviceSmIsTheWorstOfTheEndpointsThatReachIt() {
    Topology t =
        new Topology(
            "t",
            "",
            0,
            List.of(svc("a"), svc("b"), svc("c")),
            List.of(
                new EndpointSpec("x", 1, new Slo(99, 100), call("a", call("b"))),
                new EndpointSpec("y", 1, new Slo(99, 50), call("a", call("c")))));
    SloMaintenance sm = new SloMaintenance(t);
    double[] perEndpoint =
        sm.perEndpoint(
            List.of(
                new EndpointMetrics("x", 10, 10, 0, 50, 80, 80, false), // met: 1
                new EndpointMetrics("y", 10, 10, 0, 50, 200, 200, true))); // 50 / 200 = 0.25
    assertArrayEquals(new double[] {1, 0.25}, perEndpoint, 1e-12);
    // a serves both endpoints, b only x, c only y.
    assertArrayEquals(new double[] {0.25, 1, 0.25}, sm.perService(perEndpoint), 1e-12);
    assertEquals(0, SloMaintenance.ratio(100, Double.POSITIVE_INFINITY));
  }
}
