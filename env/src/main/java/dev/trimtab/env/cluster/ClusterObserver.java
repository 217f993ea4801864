package dev.trimtab.env.cluster;

import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.power.CarbonIntensity;
import dev.trimtab.env.power.GpuDvfsModel;
import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import java.util.List;

/**
 * The per-service half of {@link ClusterEnv}, for any cluster behind a {@link ClusterActuator}: how
 * an action changes a service's settings, and how an interval's metrics become each agent's
 * observation and reward and the critic's state. {@link ClusterEnv} runs it over the simulator; the
 * live testbed's env runs the same code over real processes, so both worlds observe and reward
 * alike by construction. {@link Observation} lists the components, {@code docs/cluster-env.md} the
 * reward.
 */
public final class ClusterObserver {
  private final Topology topology;
  private final Bounds bounds;
  private final RewardConfig reward;
  private final CarbonIntensity carbon;
  private final SloMaintenance slo;
  private final EndpointMembership membership;
  private final double[] tightestSloMs;
  private final Box stateSpace;

  public ClusterObserver(
      Topology topology, Bounds bounds, RewardConfig reward, CarbonIntensity carbon) {
    this.topology = topology;
    this.bounds = bounds;
    this.reward = reward;
    this.carbon = carbon;
    this.slo = new SloMaintenance(topology);
    this.membership = new EndpointMembership(topology);
    int services = topology.services().size();
    int dims = services * Observation.SIZE + topology.endpoints().size();
    double[] high = new double[dims];
    for (int s = 0; s < services; s++) {
      System.arraycopy(Observation.HIGH, 0, high, s * Observation.SIZE, Observation.SIZE);
    }
    for (int e = services * Observation.SIZE; e < dims; e++) {
      high[e] = 1;
    }
    this.stateSpace = new Box(new double[dims], high);
    this.tightestSloMs = new double[services];
    for (int s = 0; s < services; s++) {
      double tightest = Double.POSITIVE_INFINITY;
      for (int e : membership.endpointsOf(s)) {
        tightest = Math.min(tightest, topology.endpoints().get(e).slo().latencyMs());
      }
      tightestSloMs[s] = tightest;
    }
  }

  /** The space of {@link #state}: every service's observation, then each endpoint's SM. */
  public Box stateSpace() {
    return stateSpace;
  }

  /** SLO maintenance ratio of each endpoint in the interval (1 without requests). */
  public double[] endpointSlo(List<EndpointMetrics> endpoints) {
    return slo.perEndpoint(endpoints);
  }

  /** Each service's SLO maintenance: the lowest of the endpoints that reach it. */
  public double[] serviceSlo(double[] endpointSm) {
    return slo.perService(endpointSm);
  }

  /**
   * Applies service {@code s}'s action on {@code cluster}, clamped to the bounds; settings that
   * would not change are not touched.
   */
  public void apply(int s, ServiceAction a, ClusterActuator cluster) {
    String name = topology.services().get(s).name();
    int replicas = bounds.clampReplicas(cluster.replicas(name) + a.replicaDelta());
    if (replicas != cluster.replicas(name)) {
      cluster.setReplicas(name, replicas);
    }
    double cpu = bounds.clampCpu(cluster.cpuLimitCores(name) * a.cpuFactor());
    if (cpu != cluster.cpuLimitCores(name)) {
      cluster.setCpuLimit(name, cpu);
    }
    double memory = bounds.clampMemory(cluster.memoryLimitMiB(name) * a.memoryFactor());
    if (memory != cluster.memoryLimitMiB(name)) {
      cluster.setMemoryLimit(name, memory);
    }
    if (topology.services().get(s).isGpu() && a.gpuLevelDelta() != 0) {
      int level = levelOf(cluster.gpuFrequencyMhz(name)) + a.gpuLevelDelta();
      level = Math.max(0, Math.min(GpuDvfsModel.levelCount() - 1, level));
      cluster.setGpuFrequencyMhz(name, (int) GpuDvfsModel.level(level));
    }
  }

  private static int levelOf(int mhz) {
    for (int i = 0; i < GpuDvfsModel.levelCount(); i++) {
      if (Math.round(GpuDvfsModel.level(i)) == mhz) {
        return i;
      }
    }
    throw new IllegalStateException("GPU clock " + mhz + " MHz is not a level");
  }

  /** Service {@code s}'s observation before the first interval. */
  public double[] initialObservation(int s, ClusterActuator cluster) {
    ServiceSpec spec = topology.services().get(s);
    double[] o = new double[Observation.SIZE];
    o[Observation.SLO_MAINTENANCE] = 1;
    o[Observation.WORKLOAD_CHANGE] = 1;
    limits(s, o, cluster);
    o[Observation.MEMORY_UTILISATION] =
        Observation.clip(
            Observation.MEMORY_UTILISATION, spec.workingSetMiB() / spec.memoryLimitMiB());
    o[Observation.CARBON_INTENSITY] =
        Observation.clip(
            Observation.CARBON_INTENSITY, carbon.gPerKWhAt(0) / Observation.CARBON_UNIT_G_PER_KWH);
    return o;
  }

  private void limits(int s, double[] o, ClusterActuator cluster) {
    String name = topology.services().get(s).name();
    o[Observation.REPLICAS] = (double) cluster.replicas(name) / bounds.maxReplicas();
    o[Observation.CPU_LIMIT] = cluster.cpuLimitCores(name) / bounds.maxCpuCores();
    o[Observation.MEMORY_LIMIT] = cluster.memoryLimitMiB(name) / bounds.maxMemoryMiB();
    if (topology.services().get(s).isGpu()) {
      o[Observation.GPU_FREQUENCY] =
          cluster.gpuFrequencyMhz(name) / GpuDvfsModel.level(GpuDvfsModel.levelCount() - 1);
    }
  }

  /**
   * Service {@code s}'s observation of interval {@code m}.
   *
   * @param serviceSm the service's SLO maintenance ({@link #serviceSlo})
   * @param previousArrivals client arrivals of the interval before, or a value <= 0 on the first
   */
  public double[] observe(
      int s,
      ServiceMetrics sm,
      IntervalMetrics m,
      double serviceSm,
      boolean critical,
      long previousArrivals,
      ClusterActuator cluster) {
    double[] o = new double[Observation.SIZE];
    o[Observation.CPU_UTILISATION] =
        Observation.clip(Observation.CPU_UTILISATION, sm.cpuUtilisation());
    o[Observation.MEMORY_UTILISATION] =
        Observation.clip(Observation.MEMORY_UTILISATION, sm.memoryUtilisation());
    o[Observation.GPU_UTILISATION] =
        Observation.clip(Observation.GPU_UTILISATION, sm.gpuUtilisation());
    o[Observation.SLO_MAINTENANCE] = serviceSm;
    o[Observation.WORKLOAD_CHANGE] =
        Observation.clip(
            Observation.WORKLOAD_CHANGE,
            previousArrivals <= 0 ? 1 : (double) m.arrived() / previousArrivals);
    o[Observation.REQUEST_MIX] = mixShare(s, m.endpoints());
    limits(s, o, cluster);
    o[Observation.POWER] =
        Observation.clip(Observation.POWER, sm.powerW() / Observation.POWER_UNIT_W);
    o[Observation.CARBON_INTENSITY] =
        Observation.clip(
            Observation.CARBON_INTENSITY,
            carbon.gPerKWhAt(m.endMs() / 1000) / Observation.CARBON_UNIT_G_PER_KWH);
    o[Observation.LATENCY_OVER_SLO] =
        Observation.clip(Observation.LATENCY_OVER_SLO, sm.p99Ms() / tightestSloMs[s]);
    o[Observation.CRITICAL] = critical ? 1 : 0;
    return o;
  }

  private double mixShare(int s, List<EndpointMetrics> endpoints) {
    long total = 0;
    long reaching = 0;
    for (int e = 0; e < endpoints.size(); e++) {
      total += endpoints.get(e).arrived();
    }
    for (int e : membership.endpointsOf(s)) {
      reaching += endpoints.get(e).arrived();
    }
    return total == 0 ? 0 : (double) reaching / total;
  }

  /** Service {@code s}'s reward for the interval ({@link RewardConfig}). */
  public double reward(int s, ServiceMetrics sm, double serviceSm) {
    double compute = topology.services().get(s).isGpu() ? sm.gpuUtilisation() : sm.cpuUtilisation();
    double utilisation =
        (Math.min(1, compute) + Math.min(1, Math.max(0, sm.memoryUtilisation()))) / 2;
    return reward.alpha() * serviceSm
        + (1 - reward.alpha()) * utilisation
        - reward.energyWeight() * sm.energyJ() / reward.energyRefJ()
        - reward.carbonWeight() * sm.carbonG() / reward.carbonRefG();
  }

  /** The critic's state: observations in topology order, then endpoint SMs (1s when null). */
  public double[] state(double[][] obs, double[] endpointSm) {
    double[] out = new double[stateSpace.dims()];
    for (int s = 0; s < obs.length; s++) {
      System.arraycopy(obs[s], 0, out, s * Observation.SIZE, Observation.SIZE);
    }
    int base = obs.length * Observation.SIZE;
    for (int e = 0; e < topology.endpoints().size(); e++) {
      out[base + e] = endpointSm == null ? 1 : endpointSm[e];
    }
    return out;
  }
}
