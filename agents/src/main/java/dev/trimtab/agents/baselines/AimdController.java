package dev.trimtab.agents.baselines;

import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Simulation;
import java.util.Set;

/**
 * FIRM's AIMD baseline, acting on the per-replica CPU and memory limits at every control interval.
 *
 * <p>After each interval, every service on the call path of an endpoint that missed its SLO gets
 * its limits raised by {@link AimdConfig.Rule#increase}; every other service (all its endpoints met
 * their SLOs, or it served none) gets them lowered by {@link AimdConfig.Rule#decrease}. FIRM feeds
 * its AIMD the critical services that its SVM localises; this baseline blames every service on a
 * violating endpoint's call tree instead, which needs no trained model and errs towards raising too
 * much rather than missing the culprit.
 *
 * <p>CPU limits are kept in whole millicores, the finest a Kubernetes quantity holds; without it
 * repeated doubling and subtracting would carry floating-point residue into every report.
 *
 * <p>The call paths come from {@link CallPaths} given at construction or, when none were given,
 * from the topology of the {@link Simulation} it controls.
 */
public final class AimdController implements Controller {

  /** The name {@link Baselines} knows it by. */
  public static final String NAME = "aimd";

  private final AimdConfig config;
  private final CallPaths given;
  private CallPaths paths;

  /** An AIMD controller that blames services by {@code paths}. */
  public AimdController(AimdConfig config, CallPaths paths) {
    this.config = config;
    this.given = paths;
    this.paths = paths;
  }

  /** An AIMD controller that reads call paths from the simulation it controls. */
  public AimdController(AimdConfig config) {
    this(config, null);
  }

  /** AIMD with {@link AimdConfig#defaults()} on the simulation's call paths. */
  public AimdController() {
    this(AimdConfig.defaults());
  }

  public AimdConfig config() {
    return config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void reset(ClusterActuator cluster) {
    paths = given != null ? given : pathsOf(cluster);
  }

  @Override
  public void act(IntervalMetrics metrics, ClusterActuator cluster) {
    if (paths == null) {
      paths = pathsOf(cluster);
    }
    Set<String> blamed = paths.onViolatedPaths(metrics.endpoints());
    for (String service : cluster.services()) {
      boolean violated = blamed.contains(service);
      double cpu = cluster.cpuLimitCores(service);
      double newCpu =
          Millicores.round(violated ? config.cpu().increase(cpu) : config.cpu().decrease(cpu));
      if (newCpu != cpu) {
        cluster.setCpuLimit(service, newCpu);
      }
      double memory = cluster.memoryLimitMiB(service);
      double newMemory =
          violated ? config.memory().increase(memory) : config.memory().decrease(memory);
      if (newMemory != memory) {
        cluster.setMemoryLimit(service, newMemory);
      }
    }
  }

  private static CallPaths pathsOf(ClusterActuator cluster) {
    if (cluster instanceof Simulation sim) {
      return CallPaths.of(sim.topology());
    }
    throw new IllegalStateException(
        "AIMD needs each endpoint's call path: give CallPaths to the constructor for a cluster"
            + " that is not a Simulation");
  }
}
