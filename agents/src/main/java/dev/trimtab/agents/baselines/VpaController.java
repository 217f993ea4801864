package dev.trimtab.agents.baselines;

import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import java.util.HashMap;
import java.util.Map;

/**
 * The Vertical Pod Autoscaler in {@code InPlaceOrRecreate} mode, one per service, acting on the
 * per-replica CPU and memory limits.
 *
 * <p>Every {@link VpaConfig#recommenderIntervalMs()} of simulated time it samples each service with
 * ready replicas: CPU used per replica, averaged over the last {@link VpaConfig#metricWindowMs()};
 * and the working set per replica, the highest in that window. {@link VpaRecommender} turns the
 * samples into a target. The updater then resizes a service when its limits are off the target by
 * at least {@link VpaConfig#updateThreshold()} (relative CPU difference plus relative memory
 * difference, the updater's update priority), setting both limits to the target.
 *
 * <p>Eviction: none. The change is an in-place resize (Kubernetes 1.33+ {@code pods/resize}, which
 * the VPA's {@code InPlaceOrRecreate} mode tries before evicting): replicas keep running and the
 * new limits apply to calls that start afterwards. The simulator's actuator has no restart, and
 * with one replica an eviction would only add an outage that says nothing about the recommendation.
 * What the VPA does only for pods older than 12 h (update on a 10% change) applies here from the
 * start, since simulated runs last minutes; updates for recommendations outside the confidence
 * bounds, which in a short run are very wide, are not modelled.
 *
 * <p>Request = limit: the VPA recommends requests and scales limits in proportion; here the two are
 * one, so the target becomes the limit.
 */
public final class VpaController implements Controller {

  /** The name {@link Baselines} knows it by. */
  public static final String NAME = "vpa";

  private final VpaConfig config;
  private final MetricWindow window;
  private final Map<String, VpaRecommender> recommenders = new HashMap<>();
  private final PeriodicClock recommenderRuns;

  public VpaController(VpaConfig config) {
    this.config = config;
    this.window = new MetricWindow(config.metricWindowMs());
    this.recommenderRuns = new PeriodicClock(config.recommenderIntervalMs());
  }

  /** A VPA with the real defaults ({@link VpaConfig#defaults()}). */
  public VpaController() {
    this(VpaConfig.defaults());
  }

  public VpaConfig config() {
    return config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void reset(ClusterActuator cluster) {
    recommenders.clear();
    window.clear();
    recommenderRuns.reset();
  }

  @Override
  public void act(IntervalMetrics metrics, ClusterActuator cluster) {
    window.add(metrics);
    if (!recommenderRuns.due(metrics.startMs(), metrics.endMs())) {
      return;
    }
    for (String service : cluster.services()) {
      ServiceMetrics latest = MetricWindow.find(metrics, service);
      if (latest != null && latest.readyReplicas() > 0) {
        VpaRecommender r = recommenders.computeIfAbsent(service, s -> new VpaRecommender(config));
        sample(r, service, latest, metrics.endMs());
        update(service, r.target(), cluster);
      }
    }
  }

  private void sample(VpaRecommender r, String service, ServiceMetrics latest, double nowMs) {
    double cpuCores = window.average(service, s -> s.cpuUtilisation() * s.cpuLimitCores());
    r.addCpu(cpuCores, latest.cpuLimitCores(), latest.readyReplicas(), nowMs);
    r.addMemory(window.max(service, s -> s.memoryUtilisation() * s.memoryLimitMiB()), nowMs);
  }

  private void update(
      String service, VpaRecommender.Recommendation target, ClusterActuator cluster) {
    double cpu = cluster.cpuLimitCores(service);
    double memory = cluster.memoryLimitMiB(service);
    double priority =
        Math.abs(target.cpuCores() - cpu) / cpu + Math.abs(target.memoryMiB() - memory) / memory;
    if (priority < config.updateThreshold()) {
      return;
    }
    if (target.cpuCores() != cpu) {
      cluster.setCpuLimit(service, target.cpuCores());
    }
    if (target.memoryMiB() != memory) {
      cluster.setMemoryLimit(service, target.memoryMiB());
    }
  }
}
