package dev.trimtab.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SimBenchmarkTest {
  private static final Workload LOAD = WorkloadLoader.parseSpec("poisson:rate=200", Path.of("."));

  @Test
  void countsOnlyTheMeasuredWindowAndTimesItWithTheClock() {
    PrimitiveIterator.OfLong ticks = LongStream.of(5_000_000_000L, 7_500_000_000L).iterator();
    SimBenchResult r = new SimBenchmark(ticks::nextLong).measure(sim(), 200, 2000, 3000, 1000);

    Simulation warmOnly = sim();
    warmOnly.runFor(2000);
    Simulation whole = sim();
    whole.runFor(5000);
    long expectedRequests = whole.summary().requests() - warmOnly.summary().requests();
    long expectedEvents = whole.summary().events() - warmOnly.summary().events();

    assertTrue(expectedRequests > 300, "about 600 requests in 3 s at 200/s: " + expectedRequests);
    assertEquals(expectedRequests, r.requests(), "same seed, same arrivals in the window");
    assertEquals(expectedEvents, r.events());
    assertEquals(2.5, r.wallS(), 0.0);
    assertEquals(3, r.simulatedS(), 0.0);
    assertEquals("one", r.topology());
  }

  private static Simulation sim() {
    return Simulation.create(oneService(), LOAD, 11);
  }

  private static Topology oneService() {
    ServiceSpec s =
        new ServiceSpec(
            "svc",
            ServiceKind.CPU,
            2,
            1.0,
            512,
            256,
            100,
            1000,
            1000,
            List.of(new OperationSpec("op", new Demand(1, 1))));
    return new Topology(
        "one",
        "a single service",
        0.1,
        List.of(s),
        List.of(
            new EndpointSpec("op", 1, new Slo(99, 50), new CallNode("svc", "op", 1, List.of()))));
  }
}
