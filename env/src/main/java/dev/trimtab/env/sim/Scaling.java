package dev.trimtab.env.sim;

/** Control actions on a service's replicas and limits, applied at the cluster's current time. */
final class Scaling {
  private final Cluster cluster;

  Scaling(Cluster cluster) {
    this.cluster = cluster;
  }

  void setReplicas(ServiceRuntime s, int replicas) {
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, got " + replicas);
    }
    int current = s.desiredReplicas();
    for (int i = current; i < replicas; i++) {
      Replica r = cluster.newReplica(s);
      cluster.scheduleReady(r, cluster.nowMs + s.spec.startupMs());
    }
    for (int i = replicas; i < current; i++) {
      remove(s, pickVictim(s));
    }
    s.rebuildReady();
    s.refreshAllocation(cluster.nowMs);
  }

  /** Down replicas go first, then starting ones, then the newest ready one. */
  private static Replica pickVictim(ServiceRuntime s) {
    Replica victim = null;
    int best = Integer.MAX_VALUE;
    for (Replica r : s.replicas) {
      int rank =
          switch (r.state) {
            case DOWN -> 0;
            case STARTING -> 1;
            case READY -> 2;
            default -> Integer.MAX_VALUE;
          };
      if (rank <= best && rank != Integer.MAX_VALUE) {
        best = rank;
        victim = r;
      }
    }
    return victim;
  }

  private void remove(ServiceRuntime s, Replica r) {
    if (r.state == Replica.State.READY) {
      r.state = Replica.State.DRAINING;
      s.rebuildReady();
      cluster.finishDrainIfIdle(s, r);
    } else {
      r.state = Replica.State.REMOVED;
      s.replicas.remove(r);
    }
  }

  void setCpuLimit(ServiceRuntime s, double cpuLimitCores) {
    if (!(cpuLimitCores > 0) || !Double.isFinite(cpuLimitCores)) {
      throw new IllegalArgumentException(
          "cpuLimitCores must be finite and > 0, got " + cpuLimitCores);
    }
    s.cpuLimitCores = cpuLimitCores;
    if (s.gpuModel == null) {
      for (Replica r : s.replicas) {
        r.setCpuLimit(cpuLimitCores);
        cluster.startQueued(s, r);
      }
      cluster.reshareAll(s);
    }
    s.refreshAllocation(cluster.nowMs);
  }

  /** Sets a GPU service's SM clock to the supported level nearest {@code mhz}. */
  void setGpuFrequency(ServiceRuntime s, double mhz) {
    if (s.gpuModel == null) {
      throw new IllegalArgumentException("service " + s.spec.name() + " has no GPU");
    }
    if (!(mhz > 0) || !Double.isFinite(mhz)) {
      throw new IllegalArgumentException("mhz must be finite and > 0, got " + mhz);
    }
    s.advance(cluster.nowMs);
    s.gpuFrequencyMHz = dev.trimtab.env.topology.GpuSpec.nearestLevelMHz(mhz);
  }

  void setMemoryLimit(ServiceRuntime s, double memoryLimitMiB) {
    if (!(memoryLimitMiB > 0) || !Double.isFinite(memoryLimitMiB)) {
      throw new IllegalArgumentException(
          "memoryLimitMiB must be finite and > 0, got " + memoryLimitMiB);
    }
    s.memoryLimitMiB = memoryLimitMiB;
    s.refreshAllocation(cluster.nowMs);
    cluster.scheduleLeakCheck(s);
    if (s.oomKilled(cluster.nowMs)) {
      for (Replica r : java.util.List.copyOf(s.replicas)) {
        if (r.state == Replica.State.READY || r.state == Replica.State.DRAINING) {
          cluster.crash(r);
        }
      }
    }
  }
}
