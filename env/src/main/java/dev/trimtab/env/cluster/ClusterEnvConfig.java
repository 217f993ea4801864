package dev.trimtab.env.cluster;

import dev.trimtab.env.power.CarbonIntensity;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import java.util.Objects;

/**
 * Everything a {@link ClusterEnv} needs besides the seed.
 *
 * @param intervalMs simulated time of one step (the control interval); default 1000
 * @param episodeSteps steps after which an episode is truncated; the workload ending early also
 *     truncates it
 * @param bounds what actions may set
 * @param reward the reward's weights
 * @param carbon grid intensity over simulated time
 * @param setup run before each episode's first interval (faults, tracing); closed at its end
 * @param critical fills the critical flag of the observations
 */
public record ClusterEnvConfig(
    Topology topology,
    Workload workload,
    double intervalMs,
    int episodeSteps,
    Bounds bounds,
    RewardConfig reward,
    CarbonIntensity carbon,
    EpisodeSetup setup,
    CriticalServiceSource critical) {

  /** One-second steps, as FIRM's and the multi-agent autoscalers' control loops. */
  public static final double DEFAULT_INTERVAL_MS = 1000;

  public ClusterEnvConfig {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(reward, "reward");
    Objects.requireNonNull(carbon, "carbon");
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(critical, "critical");
    if (!(intervalMs > 0) || !Double.isFinite(intervalMs)) {
      throw new IllegalArgumentException("intervalMs must be finite and > 0, got " + intervalMs);
    }
    if (episodeSteps < 1) {
      throw new IllegalArgumentException("episodeSteps must be >= 1, got " + episodeSteps);
    }
  }

  /** 1 s steps, default bounds and reward, the default grid intensity, no faults, no flags. */
  public static ClusterEnvConfig of(Topology topology, Workload workload, int episodeSteps) {
    return new ClusterEnvConfig(
        topology,
        workload,
        DEFAULT_INTERVAL_MS,
        episodeSteps,
        Bounds.DEFAULT,
        RewardConfig.DEFAULT,
        CarbonIntensity.constant(Simulation.DEFAULT_CARBON_G_PER_KWH),
        EpisodeSetup.NONE,
        CriticalServiceSource.NONE);
  }

  /** This config with another control interval. */
  public ClusterEnvConfig withIntervalMs(double newIntervalMs) {
    return new ClusterEnvConfig(
        topology, workload, newIntervalMs, episodeSteps, bounds, reward, carbon, setup, critical);
  }

  /** This config with another episode setup. */
  public ClusterEnvConfig withSetup(EpisodeSetup newSetup) {
    return new ClusterEnvConfig(
        topology, workload, intervalMs, episodeSteps, bounds, reward, carbon, newSetup, critical);
  }

  /** This config with another critical-flag source. */
  public ClusterEnvConfig withCritical(CriticalServiceSource newCritical) {
    return new ClusterEnvConfig(
        topology, workload, intervalMs, episodeSteps, bounds, reward, carbon, setup, newCritical);
  }

  /** This config with other reward weights. */
  public ClusterEnvConfig withReward(RewardConfig newReward) {
    return new ClusterEnvConfig(
        topology, workload, intervalMs, episodeSteps, bounds, newReward, carbon, setup, critical);
  }

  /** This config with another carbon intensity. */
  public ClusterEnvConfig withCarbon(CarbonIntensity newCarbon) {
    return new ClusterEnvConfig(
        topology, workload, intervalMs, episodeSteps, bounds, reward, newCarbon, setup, critical);
  }
}
