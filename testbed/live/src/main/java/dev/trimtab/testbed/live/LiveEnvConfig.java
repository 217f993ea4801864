package dev.trimtab.testbed.live;

import dev.trimtab.env.cluster.Bounds;
import dev.trimtab.env.cluster.CriticalServiceSource;
import dev.trimtab.env.cluster.RewardConfig;
import dev.trimtab.env.power.CarbonIntensity;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.faults.campaign.Campaign;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link LiveEnv} needs besides the testbed and the seed: the twin of {@code
 * ClusterEnvConfig}, with the fault campaign given as data (the live injector plays it) instead of
 * a simulator set-up hook.
 *
 * @param topology the topology the testbed runs, possibly with other SLOs
 * @param intervalMs wall-clock length of one step
 * @param campaign faults of every episode (targets drawn from each episode's seed)
 */
public record LiveEnvConfig(
    Topology topology,
    Workload workload,
    double intervalMs,
    int episodeSteps,
    Bounds bounds,
    RewardConfig reward,
    CarbonIntensity carbon,
    Campaign campaign,
    CriticalServiceSource critical) {

  public LiveEnvConfig {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(reward, "reward");
    Objects.requireNonNull(carbon, "carbon");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(critical, "critical");
    if (!(intervalMs >= 100) || !Double.isFinite(intervalMs)) {
      throw new IllegalArgumentException(
          "intervalMs must be at least 100 on a live testbed, got " + intervalMs);
    }
    if (episodeSteps < 1) {
      throw new IllegalArgumentException("episodeSteps must be >= 1, got " + episodeSteps);
    }
  }

  /** 1 s steps, default bounds and reward, the default grid intensity, no faults, no flags. */
  public static LiveEnvConfig of(Topology topology, Workload workload, int episodeSteps) {
    return new LiveEnvConfig(
        topology,
        workload,
        1000,
        episodeSteps,
        Bounds.DEFAULT,
        RewardConfig.DEFAULT,
        CarbonIntensity.constant(Simulation.DEFAULT_CARBON_G_PER_KWH),
        new Campaign("none", "", List.of()),
        CriticalServiceSource.NONE);
  }

  public LiveEnvConfig withIntervalMs(double ms) {
    return new LiveEnvConfig(
        topology, workload, ms, episodeSteps, bounds, reward, carbon, campaign, critical);
  }

  public LiveEnvConfig withCampaign(Campaign c) {
    return new LiveEnvConfig(
        topology, workload, intervalMs, episodeSteps, bounds, reward, carbon, c, critical);
  }

  public LiveEnvConfig withCritical(CriticalServiceSource c) {
    return new LiveEnvConfig(
        topology, workload, intervalMs, episodeSteps, bounds, reward, carbon, campaign, c);
  }
}
