package dev.trimtab.faults.live;

import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.topology.Topology;
import java.util.Map;

/**
 * A running live cluster as the {@link LiveInjector} acts on it: the controllers' knobs ({@link
 * ClusterActuator}, used by misconfigured limits) and the fault levers below. Each lever sets the
 * service's <em>effective</em> state, computed by the injector from every fault active on it, so a
 * lever is never undone by division and ending one fault keeps the others.
 */
public interface LiveTarget extends ClusterActuator {

  Topology topology();

  /**
   * The Chaos Monkey assault every replica of {@code service} runs from now on ({@link
   * Assault#NONE} to stop), replicas started later included. When it turns a runtime assault on
   * (memory, CPU, app kill), the runtime attack is started.
   */
  void setAssault(String service, Assault assault);

  /** The share of its CPU limit each replica keeps (noisy neighbours); 1 for all of it. */
  void setCpuCapacityFactor(String service, double factor);

  /** Freezes ({@code true}) or thaws every replica of {@code service}: a hang. */
  void setFrozen(String service, boolean frozen);

  /**
   * Kills {@code replicas} running replicas of {@code service} with SIGKILL; they restart after
   * their start-up time, as a crashed pod does.
   *
   * @return how many were killed
   */
  int killReplicas(String service, int replicas);

  /** Maximum heap of one replica of {@code service}, MiB (sizes memory-leak assaults). */
  double heapMaxMiB(String service);

  /** Multiplies the load generator's arrival rate; 1 restores it. */
  void setRateFactor(double factor);

  /** Replaces the load generator's request mix by endpoint; null restores the workload's. */
  void setMix(Map<String, Double> weights);
}
