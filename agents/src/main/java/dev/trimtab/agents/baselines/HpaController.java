package dev.trimtab.agents.baselines;

import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import java.util.HashMap;
import java.util.Map;

/**
 * Kubernetes' Horizontal Pod Autoscaler on CPU utilisation, one per service, acting on replicas.
 *
 * <p>Every {@link HpaConfig#syncPeriodMs()} of simulated time (the first interval end at or past
 * each multiple of it, read from {@code metrics.endMs()}), for each service: the utilisation is the
 * time-weighted mean over the last {@link HpaConfig#metricWindowMs()} (what metrics-server's latest
 * sample is: an average over its resolution window, not the instant value); {@link
 * HpaReplicaCalculator} turns it into a recommendation; {@link HpaScaler} stabilises it, applies
 * the scaling policies and the replica bounds. Between syncs it only records metrics.
 *
 * <p>The HPA is created with the run: its first call, at the start of the first interval, is its
 * first reconcile, where Kubernetes records each target's current replicas as a recommendation
 * ({@code recordInitialRecommendation} in the HPA controller). So the scale-down stabilisation
 * window keeps the starting replicas for its first 300 s, whatever the first syncs measure.
 *
 * <p>A service with no ready replica has no metrics and is left alone, as the HPA does when
 * metrics-server returns nothing; replicas outside [min, max] are brought inside all the same.
 */
public final class HpaController implements Controller {

  /** The name {@link Baselines} knows it by. */
  public static final String NAME = "hpa";

  private final HpaConfig config;
  private final MetricWindow window;
  private final Map<String, HpaScaler> scalers = new HashMap<>();
  private final PeriodicClock sync;

  public HpaController(HpaConfig config) {
    this.config = config;
    this.window = new MetricWindow(config.metricWindowMs());
    this.sync = new PeriodicClock(config.syncPeriodMs());
  }

  /** An HPA with Kubernetes' defaults ({@link HpaConfig#defaults()}). */
  public HpaController() {
    this(HpaConfig.defaults());
  }

  public HpaConfig config() {
    return config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void reset(ClusterActuator cluster) {
    scalers.clear();
    window.clear();
    sync.reset();
  }

  @Override
  public void act(IntervalMetrics metrics, ClusterActuator cluster) {
    if (scalers.isEmpty()) {
      for (String service : cluster.services()) {
        scalers.put(service, new HpaScaler(config, cluster.replicas(service), metrics.startMs()));
      }
    }
    window.add(metrics);
    if (!sync.due(metrics.startMs(), metrics.endMs())) {
      return;
    }
    for (String service : cluster.services()) {
      syncService(service, metrics, cluster);
    }
  }

  private void syncService(String service, IntervalMetrics metrics, ClusterActuator cluster) {
    int current = cluster.replicas(service);
    boolean inBounds = current >= config.minReplicas() && current <= config.maxReplicas();
    ServiceMetrics latest = MetricWindow.find(metrics, service);
    boolean hasMetrics = latest != null && latest.readyReplicas() > 0;
    if (!hasMetrics && inBounds) {
      return;
    }
    int desired =
        hasMetrics
            ? HpaReplicaCalculator.desired(
                current,
                latest.readyReplicas(),
                window.average(service, ServiceMetrics::cpuUtilisation),
                config)
            : current;
    int target = scalers.get(service).decide(current, desired, metrics.endMs());
    if (target != current) {
      cluster.setReplicas(service, target);
    }
  }
}
