package dev.trimtab.cli.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.DiurnalWorkload;
import dev.trimtab.env.workload.FlashCrowdWorkload;
import dev.trimtab.env.workload.MmppWorkload;
import dev.trimtab.env.workload.PoissonWorkload;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimate against figures worked out by hand, and against a real run. */
class WorkEstimateTest {
  static final RunShape.Names NAMES =
      new RunShape.Names(
          "--duration D", "--interval I", "--workload W", "--topology T", "--span-sampling S");

  /**
   * Endpoint {@code e} (weight 1): front, then back with probability 0.5, then back twice in
   * parallel: 1 x (1 + 0.5 + 1 + 1) = 3.5 calls. Endpoint {@code f} (weight 3): back alone, 1 call.
   * Mixed by weight: (3.5 + 3 x 1) / 4 = 1.625 calls a request.
   */
  static Topology handTopology() {
    CallNode maybe = new CallNode("back", "op", 0.5, List.of());
    CallNode back = new CallNode("back", "op", 1, List.of());
    CallNode e =
        new CallNode(
            "front",
            "op",
            1,
            List.of(new CallNode.Step(List.of(maybe)), new CallNode.Step(List.of(back, back))));
    return new Topology(
        "hand",
        "worked by hand",
        0.5,
        List.of(service("front", 2, 1.5, 10, 1000), service("back", 1, 0.5, 20, 4000)),
        List.of(
            new EndpointSpec("e", 1, new Slo(99, 100), e),
            new EndpointSpec("f", 3, new Slo(99, 100), back)));
  }

  private static ServiceSpec service(
      String name, int replicas, double cores, int queueBound, double timeoutMs) {
    return new ServiceSpec(
        name,
        ServiceKind.CPU,
        replicas,
        cores,
        512,
        256,
        queueBound,
        timeoutMs,
        1000,
        List.of(new OperationSpec("op", new Demand(1, 1))));
  }

  static RunShape shape(Topology t, Workload w, double durationS, double intervalS, double spans) {
    return new RunShape(t, w, durationS, intervalS, spans, RunShape.Keeps.RUN_FILES, NAMES);
  }

  private static Workload poisson(double rate) {
    return new PoissonWorkload(rate, WorkloadOptions.DEFAULTS);
  }

  @Test
  void callsPerRequestWeighProbabilitiesAndTheMix() {
    Topology t = handTopology();
    assertEquals(1.625, WorkEstimate.callsPerRequest(t, Map.of()), 1e-12);
    assertEquals(3.5, WorkEstimate.callsPerRequest(t, Map.of("e", 2.0)), 1e-12);
    assertEquals(2.25, WorkEstimate.callsPerRequest(t, Map.of("e", 1.0, "f", 1.0)), 1e-12);
  }

  /**
   * Poisson 100 req/s for 60 s, interval 2 s, 10% of spans. Requests 6000; events 6000 x (1 + 3 x
   * 1.625) = 35250; 30 intervals; 325 calls an interval. Calls in flight: min(100 x 1.625 x 4 s =
   * 650, queues (10 x 12 + 10 x 21) x depth 2 + 100 x 1.625 x 2 x 0.5 ms = 660.1625) = 650, x 384 B
   * = 249600 B. Latencies (325 + 2 x 200) x 16 = 11600 B; replicas 3 x 256 = 768 B; medians 30 x 2
   * x 16 = 960 B; spans 32.5 x 1024 = 33280 B. Disk: metrics 30 x 2 x 160 = 9600 B, endpoints 30 x
   * 2 x 80 = 4800 B, spans 6000 x 1.625 x 0.1 x 600 = 585000 B.
   */
  @Test
  void aRunWorkedByHand() {
    WorkEstimate e = WorkEstimate.of(shape(handTopology(), poisson(100), 60, 2, 0.1));
    assertEquals(100, e.meanRatePerS(), 1e-9);
    assertEquals(100, e.peakRatePerS(), 1e-9);
    assertEquals(6000, e.requests(), 1e-6);
    assertEquals(35250, e.events(), 1e-6);
    assertEquals(30, e.intervals());
    assertEquals(325, e.peakCallsPerInterval(), 1e-9);
    assertEquals(249600, e.memory().callsInFlight(), 1e-6);
    assertEquals(11600, e.memory().intervalLatencies(), 1e-6);
    assertEquals(768, e.memory().replicas(), 1e-9);
    assertEquals(960, e.memory().keptPerInterval(), 1e-9);
    assertEquals(33280, e.memory().spanBuffer(), 1e-6);
    assertEquals(9600, e.disk().metricsCsv(), 1e-9);
    assertEquals(4800, e.disk().endpointsCsv(), 1e-9);
    assertEquals(585000, e.disk().spans(), 1e-6);
  }

  /**
   * At 10^5 req/s the timeout bound (10^5 x 1.625 x 4 = 650000 calls) passes the queue bound (660 +
   * 10^5 x 1.625 x 2 x 0.5 ms = 822.5): full queues drop what does not fit.
   */
  @Test
  void fullQueuesBoundTheCallsInFlight() {
    WorkEstimate e = WorkEstimate.of(shape(handTopology(), poisson(1e5), 60, 1, 0));
    assertEquals(822.5 * WorkEstimate.BYTES_PER_CALL_IN_FLIGHT, e.memory().callsInFlight(), 1e-6);
    assertEquals(0, e.memory().spanBuffer());
    assertEquals(0, e.disk().spans());
  }

  /** An eval run writes no interval files and keeps 160 B per interval. */
  @Test
  void anEvalRunKeepsOneSampleAnIntervalAndWritesNoRows() {
    RunShape eval =
        new RunShape(handTopology(), poisson(100), 60, 2, 0.5, RunShape.Keeps.SAMPLES, NAMES);
    WorkEstimate e = WorkEstimate.of(eval);
    assertEquals(30 * 160, e.memory().keptPerInterval(), 1e-9);
    assertEquals(0, e.disk().total());
  }

  /** Peaks: scale 2 and time compression 3 multiply every kind's pattern peak by 6. */
  @Test
  void peakRatesOfTheSyntheticKinds() {
    WorkloadOptions x6 =
        new WorkloadOptions(2, Double.NaN, 0, 3, Double.POSITIVE_INFINITY, Map.of());
    assertEquals(600, WorkEstimate.peakRatePerS(new PoissonWorkload(100, x6), 0), 1e-9);
    assertEquals(900, WorkEstimate.peakRatePerS(new DiurnalWorkload(50, 150, 600, 0, x6), 0), 1e-9);
    assertEquals(
        300,
        WorkEstimate.peakRatePerS(new FlashCrowdWorkload(10, 5, 100, 10, 20, 10, x6), 0),
        1e-9);
    assertEquals(
        60,
        WorkEstimate.peakRatePerS(new FlashCrowdWorkload(10, 0.5, 100, 10, 20, 10, x6), 0),
        1e-9,
        "a dip peaks at the base rate");
    assertEquals(
        240,
        WorkEstimate.peakRatePerS(new MmppWorkload(List.of(10.0, 40.0), List.of(5.0, 5.0), x6), 0),
        1e-9);
  }

  /** The events and bytes estimated for a real run, against what the run did and wrote. */
  @Test
  void theEstimateIsWithinAFewTensOfPercentOfARealRun() {
    Topology t = Topologies.resolve("social-network");
    Workload w = poisson(200);
    WorkEstimate e = WorkEstimate.of(shape(t, w, 20, 1, 1));
    Simulation sim = Simulation.create(t, w, 1);
    long calls = 0;
    for (int i = 0; i < 20; i++) {
      calls += sim.runFor(1000).services().stream().mapToLong(s -> s.completed()).sum();
    }
    RunSummary s = sim.summary();
    assertEquals(1, e.events() / s.events(), 0.1, e.events() + " vs " + s.events());
    assertEquals(1, e.requests() * e.callsPerRequest() / calls, 0.1);
    assertTrue(e.disk().metricsCsv() >= 20 * t.services().size() * 139.0, "at least the measured");
  }
}
