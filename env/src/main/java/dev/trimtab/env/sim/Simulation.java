package dev.trimtab.env.sim;

import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;

/** The simulated cluster, advanced one control interval at a time. (Body lands next commit.) */
public final class Simulation {
  private Simulation() {}

  /**
   * A cluster running {@code topology} under {@code workload}, all randomness from {@code seed}.
   */
  public static Simulation create(Topology topology, Workload workload, long seed) {
    throw new UnsupportedOperationException("simulator core not merged yet");
  }

  /** Advances simulated time by {@code intervalMs} and reports what happened in it. */
  public IntervalMetrics runFor(double intervalMs) {
    throw new UnsupportedOperationException();
  }

  public double nowMs() {
    throw new UnsupportedOperationException();
  }

  public Topology topology() {
    throw new UnsupportedOperationException();
  }

  public RunSummary summary() {
    throw new UnsupportedOperationException();
  }

  public void setReplicas(String service, int replicas) {
    throw new UnsupportedOperationException();
  }

  public void setCpuLimit(String service, double cpuLimitCores) {
    throw new UnsupportedOperationException();
  }

  public void setMemoryLimit(String service, double memoryLimitMiB) {
    throw new UnsupportedOperationException();
  }
}
