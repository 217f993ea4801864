package dev.trimtab.env.sim;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.power.CarbonIntensity;
import dev.trimtab.env.power.CpuPowerModel;
import dev.trimtab.env.power.EnergyMeter;
import dev.trimtab.env.random.Seeds;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated cluster, advanced one control interval at a time.
 *
 * <p>Randomness comes from one root seed split into named streams (request mix, call probabilities,
 * service times and load-balancing choices per service, workload arrivals): the same topology,
 * workload, seed and sequence of control actions give the same run, bit for bit. Control actions
 * take effect at the current simulated time, between calls to {@link #runFor}.
 */
public final class Simulation implements ClusterActuator {
  private final Topology topology;
  private final Cluster cluster;
  private final Perturbations perturbations;
  private final double[] sloViolationMs;
  private double totalSloViolationMs;
  private double cpuCoreMsTotal;
  private double allocatedCoreMsTotal;
  private double energyJTotal;
  private double carbonGTotal;
  private double memoryMiBMsTotal;
  private double gpuDeviceMsTotal;
  private CpuPowerModel cpuPower = CpuPowerModel.DEFAULT;
  private CarbonIntensity carbon = CarbonIntensity.constant(DEFAULT_CARBON_G_PER_KWH);

  /**
   * Grid carbon intensity used unless {@link #setCarbonIntensity} says otherwise: 475 gCO2/kWh, the
   * IEA's world-average figure for electricity generation (see docs/power.md).
   */
  public static final double DEFAULT_CARBON_G_PER_KWH = 475;

  private Simulation(Topology topology, Cluster cluster) {
    this.topology = topology;
    this.cluster = cluster;
    this.perturbations = new Perturbations(cluster);
    this.sloViolationMs = new double[topology.endpoints().size()];
  }

  /**
   * A cluster running {@code topology} under {@code workload}, all randomness from {@code seed}.
   */
  public static Simulation create(Topology topology, Workload workload, long seed) {
    for (String endpoint : workload.mix().keySet()) {
      if (topology.endpoints().stream().noneMatch(e -> e.name().equals(endpoint))) {
        throw new ConfigException(
            "workload " + workload.describe(),
            "mix." + endpoint,
            "no such endpoint in topology "
                + topology.name()
                + "; known: "
                + topology.endpoints().stream().map(EndpointSpec::name).toList());
      }
    }
    Seeds seeds = new Seeds(seed);
    CompiledTopology compiled = new CompiledTopology(topology, workload.mix());
    Cluster cluster = new Cluster(compiled, workload.open(seeds.stream("workload")), seeds);
    return new Simulation(topology, cluster);
  }

  /** Advances simulated time by {@code intervalMs} and reports what happened in it. */
  public IntervalMetrics runFor(double intervalMs) {
    if (!(intervalMs > 0) || !Double.isFinite(intervalMs)) {
      throw new IllegalArgumentException("intervalMs must be finite and > 0, got " + intervalMs);
    }
    double startMs = cluster.nowMs;
    cluster.runUntil(startMs + intervalMs);
    IntervalMetrics metrics = collect(startMs, cluster.nowMs);
    clearInterval();
    return metrics;
  }

  private IntervalMetrics collect(double startMs, double endMs) {
    RequestStats r = cluster.requests;
    List<ServiceMetrics> services = new ArrayList<>(cluster.services.length);
    double intensityIntegral = carbon.integralGPerKWhS(startMs / 1000, endMs / 1000);
    for (ServiceRuntime s : cluster.services) {
      ServiceMetrics m = serviceMetrics(s, startMs, endMs, intensityIntegral);
      services.add(m);
      cpuCoreMsTotal += s.cpuCoreMs;
      allocatedCoreMsTotal += s.allocatedCoreMs;
      energyJTotal += m.energyJ();
      carbonGTotal += m.carbonG();
      memoryMiBMsTotal += s.memoryMiBMs;
      gpuDeviceMsTotal += s.gpuAllocatedDeviceMs;
    }
    List<EndpointMetrics> endpoints = r.endpointMetrics();
    boolean anyViolated = false;
    for (int e = 0; e < endpoints.size(); e++) {
      if (endpoints.get(e).sloViolated()) {
        sloViolationMs[e] += endMs - startMs;
        anyViolated = true;
      }
    }
    if (anyViolated) {
      totalSloViolationMs += endMs - startMs;
    }
    return new IntervalMetrics(
        startMs,
        endMs,
        r.intervalArrived,
        r.intervalCompleted,
        r.intervalDropped,
        r.intervalErrored,
        r.inFlight(),
        r.arrivedTotal,
        r.completedTotal,
        r.droppedTotal,
        r.erroredTotal,
        r.intervalPercentile(50),
        r.intervalPercentile(99),
        services,
        endpoints);
  }

  private ServiceMetrics serviceMetrics(
      ServiceRuntime s, double startMs, double endMs, double intensityIntegral) {
    int ready = s.readyCount();
    double durationS = (endMs - startMs) / 1000;
    double cpuEnergyJ =
        cpuPower.idleWPerCore() * s.allocatedCoreMs / 1000
            + (cpuPower.maxWPerCore() - cpuPower.idleWPerCore()) * s.cpuCoreMs / 1000;
    double energyJ = cpuEnergyJ + s.gpuEnergyJ;
    double powerW = durationS > 0 ? energyJ / durationS : 0;
    double carbonG = powerW * intensityIntegral / EnergyMeter.JOULES_PER_KWH;
    return new ServiceMetrics(
        s.spec.name(),
        s.desiredReplicas(),
        ready,
        s.cpuLimitCores,
        s.memoryLimitMiB,
        s.arrivals,
        s.completed,
        s.dropped,
        s.errors,
        s.cpuCoreMs,
        s.allocatedCoreMs > 0 ? s.cpuCoreMs / s.allocatedCoreMs : 0,
        s.workingSetMiB(endMs) / s.memoryLimitMiB,
        s.throttledMs,
        s.latencies.percentile(50),
        s.latencies.percentile(95),
        s.latencies.percentile(99),
        s.queued(),
        s.gpuAllocatedDeviceMs > 0 ? s.gpuBusyDeviceMs / s.gpuAllocatedDeviceMs : 0,
        s.gpuModel == null ? 0 : s.effectiveGpuMHz(),
        powerW,
        energyJ,
        carbonG,
        s.memoryMiBMs / 1000);
  }

  /**
   * The grid carbon intensity over simulated time (second 0 is the run's start); a series is looked
   * up at simulated seconds. Set it before the first interval.
   */
  public void setCarbonIntensity(CarbonIntensity intensity) {
    this.carbon = java.util.Objects.requireNonNull(intensity, "intensity");
  }

  /** The grid carbon intensity in use. */
  public CarbonIntensity carbonIntensity() {
    return carbon;
  }

  /**
   * The CPU power model (default {@link CpuPowerModel#DEFAULT}). Set it before the first interval.
   */
  public void setCpuPowerModel(CpuPowerModel model) {
    this.cpuPower = java.util.Objects.requireNonNull(model, "model");
  }

  private void clearInterval() {
    cluster.requests.clearInterval();
    for (ServiceRuntime s : cluster.services) {
      s.clearInterval();
    }
  }

  /** The hooks that faults drive: contention, network trouble, errors, hangs, leaks, load. */
  public Perturbations perturbations() {
    return perturbations;
  }

  /**
   * Runs {@code action} at simulated time {@code atMs}, inside whichever interval contains it, in
   * order with the other events at that time. Fault injectors use it to start and end faults at
   * exact times; the action may call the perturbation hooks and the control methods.
   */
  public void at(double atMs, Runnable action) {
    if (!(atMs >= cluster.nowMs) || !Double.isFinite(atMs)) {
      throw new IllegalArgumentException(
          "atMs must be finite and not before now (" + cluster.nowMs + "), got " + atMs);
    }
    cluster.scheduleAction(atMs, action);
  }

  /**
   * Sends one server span per call of a {@code samplingRate} share of requests (head sampling,
   * decided when the request arrives) to {@code sink}; {@code null} stops tracing.
   */
  public void traceTo(SpanSink sink, double samplingRate) {
    if (!(samplingRate >= 0 && samplingRate <= 1)) {
      throw new IllegalArgumentException("samplingRate must be in [0, 1], got " + samplingRate);
    }
    cluster.setSpanSink(sink, samplingRate);
  }

  /** The engine, for tests in this package that check internal invariants. */
  Cluster cluster() {
    return cluster;
  }

  public double nowMs() {
    return cluster.nowMs;
  }

  public Topology topology() {
    return topology;
  }

  /** Whether the workload has no more arrivals and every request has been answered. */
  public boolean drained() {
    return cluster.workloadEnded() && cluster.requests.inFlight() == 0;
  }

  /** Simulator events processed so far (client arrivals included). */
  public long eventsProcessed() {
    return cluster.eventsProcessed;
  }

  /** The run so far, up to the end of the last interval. */
  public RunSummary summary() {
    RequestStats r = cluster.requests;
    return new RunSummary(
        r.arrivedTotal,
        r.completedTotal,
        r.droppedTotal,
        r.erroredTotal,
        r.inFlight(),
        totalSloViolationMs / 1000,
        r.runPercentileMs(50),
        r.runPercentileMs(99),
        r.runMeanMs(),
        cpuCoreMsTotal / 1000,
        allocatedCoreMsTotal / 1000,
        cluster.nowMs / 1000,
        cluster.eventsProcessed,
        energyJTotal,
        carbonGTotal,
        memoryMiBMsTotal / 1000,
        gpuDeviceMsTotal / 1000);
  }

  /** Seconds of simulated time in which the named endpoint missed its SLO. */
  public double sloViolationSeconds(String endpoint) {
    for (int e = 0; e < topology.endpoints().size(); e++) {
      if (topology.endpoints().get(e).name().equals(endpoint)) {
        return sloViolationMs[e] / 1000;
      }
    }
    throw new IllegalArgumentException("no endpoint " + endpoint);
  }

  @Override
  public List<String> services() {
    return topology.services().stream().map(ServiceSpec::name).toList();
  }

  @Override
  public int replicas(String service) {
    return runtime(service).desiredReplicas();
  }

  @Override
  public double cpuLimitCores(String service) {
    return runtime(service).cpuLimitCores;
  }

  @Override
  public double memoryLimitMiB(String service) {
    return runtime(service).memoryLimitMiB;
  }

  /**
   * Scales a service to {@code replicas}. New replicas serve after the service's start-up delay;
   * surplus replicas stop taking requests at once and leave when their work is done.
   */
  @Override
  public void setReplicas(String service, int replicas) {
    new Scaling(cluster).setReplicas(runtime(service), replicas);
  }

  /**
   * Sets the per-replica CPU limit. Under FCFS, calls already running keep the speed they started
   * with; under processor sharing, every call's speed changes at once.
   */
  @Override
  public void setCpuLimit(String service, double cpuLimitCores) {
    new Scaling(cluster).setCpuLimit(runtime(service), cpuLimitCores);
  }

  /** Sets the per-replica memory limit; far below the working set, replicas are OOM-killed. */
  @Override
  public void setMemoryLimit(String service, double memoryLimitMiB) {
    new Scaling(cluster).setMemoryLimit(runtime(service), memoryLimitMiB);
  }

  @Override
  public int gpuFrequencyMhz(String service) {
    ServiceRuntime s = runtime(service);
    return s.gpuModel == null ? 0 : (int) Math.round(s.gpuFrequencyMHz);
  }

  /** Sets a GPU service's SM clock to the supported V100 level nearest {@code mhz}. */
  @Override
  public void setGpuFrequencyMhz(String service, int mhz) {
    new Scaling(cluster).setGpuFrequency(runtime(service), mhz);
  }

  private ServiceRuntime runtime(String service) {
    int index = topology.serviceIndex(service);
    if (index < 0) {
      throw new IllegalArgumentException(
          "no service '" + service + "' in topology " + topology.name());
    }
    return cluster.services[index];
  }
}
