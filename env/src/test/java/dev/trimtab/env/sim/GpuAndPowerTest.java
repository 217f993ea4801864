package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trimtab.env.power.CarbonIntensitySeries;
import dev.trimtab.env.power.GpuDvfsModel;
import dev.trimtab.env.topology.Demand;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.GpuSpec;
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
import org.junit.jupiter.api.Test;

/**
 * GPU services, token-dependent work, power, energy and carbon, each against values worked out by
 * hand from the models' formulas. Arrivals are periodic and demands deterministic (cv 0) so that no
 * call ever queues and every figure is exact up to floating-point rounding.
 */
class GpuAndPowerTest {
  private static final double FMAX = 1530;
  private static final double IDLE_W = 40;

  /** One request every 100 ms at 50, 150, ... ms, carrying the given tokens. */
  private static Workload periodic(double endMs, int promptTokens, int outputTokens) {
    return new Workload() {
      @Override
      public ArrivalStream open(RandomGenerator rng) {
        return new ArrivalStream() {
          private double t = -50;

          @Override
          public double nextArrivalMs() {
            t += 100;
            return t < endMs ? t : Double.POSITIVE_INFINITY;
          }

          @Override
          public int promptTokens() {
            return promptTokens;
          }

          @Override
          public int outputTokens() {
            return outputTokens;
          }
        };
      }

      @Override
      public Map<String, Double> mix() {
        return Map.of();
      }

      @Override
      public double meanRatePerS(double horizonS) {
        return 10;
      }

      @Override
      public String describe() {
        return "periodic 10 req/s";
      }
    };
  }

  private static Topology gpuService(double frequencyMHz, double perOutputTokenMs) {
    ServiceSpec infer =
        new ServiceSpec(
            "infer",
            ServiceKind.GPU,
            1,
            1,
            1024,
            512,
            100,
            1e12,
            1000,
            List.of(new OperationSpec("op", new Demand(10, 0), 0, perOutputTokenMs)),
            new GpuSpec("dnn-inference", 1, frequencyMHz, IDLE_W),
            Map.of());
    return new Topology(
        "gpu-one",
        "one GPU service",
        0,
        List.of(infer),
        List.of(new EndpointSpec("op", 1, new Slo(99, 1000), TestTopologies.call("infer", 1))));
  }

  /** t(f) = t0 (alpha fmax / f + 1 - alpha), written out rather than asked of the model. */
  private static double latencyMs(double t0Ms, double f) {
    double alpha = GpuDvfsModel.profile("dnn-inference").computeBoundFraction();
    return t0Ms * (alpha * FMAX / f + 1 - alpha);
  }

  /** P(f) = P0 + Pdyn (f / fmax)^gamma, from the profile's fitted parameters. */
  private static double runningPowerW(double f) {
    GpuDvfsModel m = GpuDvfsModel.profile("dnn-inference");
    return m.staticPowerW() + m.dynamicPowerAtMaxW() * Math.pow(f / FMAX, m.powerExponent());
  }

  @Test
  void gpuLatencyAndEnergyAtTwoFrequencies() {
    for (double f : new double[] {1530, 757}) {
      Simulation sim = Simulation.create(gpuService(f, 0), periodic(10_000, 0, 0), 1);
      ServiceMetrics m = sim.runFor(10_000).services().get(0);
      double t = latencyMs(10, f);
      assertEquals(t, m.p50Ms(), 1e-9, "latency at " + f + " MHz");
      assertEquals(t, m.p99Ms(), 1e-9);
      double busyS = 100 * t / 1000;
      assertEquals(busyS / 10, m.gpuUtilisation(), 1e-12);
      // 1 core held for 10 s at 0.74 W idle share, no CPU work; the GPU busy at P(f), else idle.
      double expectedJ = 0.74 * 1 * 10 + runningPowerW(f) * busyS + IDLE_W * (10 - busyS);
      assertEquals(expectedJ, m.energyJ(), 1e-9, "energy at " + f + " MHz");
      assertEquals(expectedJ / 10, m.powerW(), 1e-10);
      assertEquals(0, m.cpuCoreMs());
      assertEquals(f, m.gpuFrequencyMHz());
    }
  }

  @Test
  void lowerClockSavesPowerButCostsLatency() {
    Simulation fast = Simulation.create(gpuService(1530, 0), periodic(10_000, 0, 0), 1);
    Simulation slow = Simulation.create(gpuService(757, 0), periodic(10_000, 0, 0), 1);
    ServiceMetrics f = fast.runFor(10_000).services().get(0);
    ServiceMetrics s = slow.runFor(10_000).services().get(0);
    assertEquals(1, Math.signum(s.p50Ms() - f.p50Ms()));
    assertEquals(1, Math.signum(runningPowerW(1530) - runningPowerW(757)));
  }

  @Test
  void frequencyCanBeChangedBetweenIntervalsAndSnapsToALevel() {
    Simulation sim = Simulation.create(gpuService(1530, 0), periodic(20_000, 0, 0), 1);
    sim.runFor(10_000);
    sim.setGpuFrequencyMhz("infer", 760);
    assertEquals(757, sim.gpuFrequencyMhz("infer"));
    ServiceMetrics m = sim.runFor(10_000).services().get(0);
    assertEquals(latencyMs(10, 757), m.p50Ms(), 1e-9);
  }

  @Test
  void tokenDependentWorkAndTheTokenShiftHook() {
    Simulation sim = Simulation.create(gpuService(1530, 0.5), periodic(30_000, 100, 20), 1);
    // 10 ms base + 20 output tokens x 0.5 ms (prompt tokens cost nothing here)
    assertEquals(20, sim.runFor(10_000).services().get(0).p50Ms(), 1e-9);
    Perturbation doubled = sim.perturbations().tokenMultiplier(2);
    assertEquals(30, sim.runFor(10_000).services().get(0).p50Ms(), 1e-9);
    doubled.remove();
    assertEquals(20, sim.runFor(10_000).services().get(0).p50Ms(), 1e-9);
  }

  @Test
  void gpuThrottleCapsTheClockAndIsRemovedExactly() {
    Simulation sim = Simulation.create(gpuService(1530, 0), periodic(30_000, 0, 0), 1);
    ServiceMetrics before = sim.runFor(10_000).services().get(0);
    Perturbation cap = sim.perturbations().gpuThrottle("infer", 0.5);
    ServiceMetrics during = sim.runFor(10_000).services().get(0);
    assertEquals(latencyMs(10, 765), during.p50Ms(), 1e-9);
    assertEquals(765, during.gpuFrequencyMHz());
    cap.remove();
    ServiceMetrics after = sim.runFor(10_000).services().get(0);
    assertEquals(before.p50Ms(), after.p50Ms());
    assertEquals(before.energyJ(), after.energyJ(), 1e-9);
    assertEquals(1530, after.gpuFrequencyMHz());
  }

  @Test
  void gpuThrottleOnACpuServiceIsRefused() {
    Simulation sim =
        Simulation.create(TestTopologies.singleQueue(1, 10, 0), TestWorkloads.poisson(1, 1000), 1);
    assertThrows(
        IllegalArgumentException.class, () -> sim.perturbations().gpuThrottle("queue", 0.5));
    assertThrows(IllegalArgumentException.class, () -> sim.setGpuFrequencyMhz("queue", 900));
    assertEquals(0, sim.gpuFrequencyMhz("queue"));
  }

  @Test
  void cpuEnergyCarbonAndMemoryOfAKnownProfile() {
    // 2 cores, 10 core-ms per request, 100 requests in 10 s: 1 core-second of work.
    Simulation sim =
        Simulation.create(TestTopologies.singleQueue(2, 10, 0), periodic(10_000, 0, 0), 1);
    // 100 g/kWh for the first 5 s, 300 g/kWh after
    sim.setCarbonIntensity(CarbonIntensitySeries.of(new double[] {0, 5}, new double[] {100, 300}));
    ServiceMetrics m = sim.runFor(10_000).services().get(0);
    assertEquals(1000, m.cpuCoreMs(), 1e-9);
    double expectedJ = 0.74 * 2 * 10 + (3.5 - 0.74) * 1.0; // 17.56 J
    assertEquals(17.56, expectedJ, 1e-12);
    assertEquals(expectedJ, m.energyJ(), 1e-9);
    // mean power 1.756 W over (100 x 5 + 300 x 5) (g/kWh)s, over 3.6e6 J/kWh
    assertEquals(1.756 * 2000 / 3.6e6, m.carbonG(), 1e-12);
    assertEquals(512 * 10, m.memoryMiBSeconds(), 1e-9);
    RunSummary summary = sim.summary();
    assertEquals(expectedJ, summary.energyJ(), 1e-9);
    assertEquals(m.carbonG(), summary.carbonG(), 1e-15);
    assertEquals(5120, summary.memoryMiBSeconds(), 1e-9);
  }

  @Test
  void latencyHookLengthensTheCallWithoutUsingCpu() {
    Simulation plain =
        Simulation.create(TestTopologies.singleQueue(1, 10, 0), periodic(10_000, 0, 0), 1);
    Simulation slowed =
        Simulation.create(TestTopologies.singleQueue(1, 10, 0), periodic(20_000, 0, 0), 1);
    ServiceMetrics base = plain.runFor(10_000).services().get(0);
    Perturbation added = slowed.perturbations().latency("queue", 25);
    ServiceMetrics during = slowed.runFor(10_000).services().get(0);
    assertEquals(base.p50Ms() + 25, during.p50Ms(), 1e-9);
    assertEquals(base.cpuCoreMs(), during.cpuCoreMs(), 1e-9);
    added.remove();
    assertEquals(base.p50Ms(), slowed.runFor(10_000).services().get(0).p50Ms(), 1e-9);
  }
}
