package dev.trimtab.env.sim;

import dev.trimtab.env.power.GpuDvfsModel;
import dev.trimtab.env.topology.CpuSharing;
import dev.trimtab.env.topology.LoadBalancing;
import dev.trimtab.env.topology.ServiceSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The live state of one service: its replicas and limits, and what it did in the current control
 * interval.
 */
final class ServiceRuntime {
  final int index;
  final ServiceSpec spec;
  final SplittableRandom demandRng;
  double cpuLimitCores;
  double memoryLimitMiB;
  final Effects effects = new Effects();

  /** The GPUs' DVFS model, or null for a CPU service. */
  final GpuDvfsModel gpuModel;

  /** The SM clock asked for (a supported level); throttling may hold the GPUs below it. */
  double gpuFrequencyMHz;

  // Working set: the spec's, plus what a leak has added since the last restart.
  private double leakedAtOriginMiB;
  private double leakOriginMs;

  // A capped link into the service: when it is next free to carry a request.
  double linkFreeAtMs;

  final List<Replica> replicas = new ArrayList<>();
  private Replica[] ready = new Replica[4];
  private int readyCount;
  private final Balancer balancer;
  private final boolean roundRobin;

  // Integrals over simulated time, advanced at every change of rate.
  private double lastChangeMs;
  private double busyCores;
  private double allocatedCores;
  private double allocatedMemoryMiB;
  private double busyDevices;
  private double allocatedDevices;
  double cpuCoreMs;
  double allocatedCoreMs;
  double memoryMiBMs;
  double gpuBusyDeviceMs;
  double gpuAllocatedDeviceMs;
  double gpuEnergyJ;

  // The current interval.
  long arrivals;
  long completed;
  long dropped;
  long errors;
  double throttledMs;
  final LatencyBuffer latencies = new LatencyBuffer();

  /** A DEADLINE event is pending for the calls watched on this service (see Calls#watch). */
  boolean deadlineCheckScheduled;

  ServiceRuntime(
      int index, ServiceSpec spec, SplittableRandom demandRng, SplittableRandom balancingRng) {
    this.index = index;
    this.spec = spec;
    this.demandRng = demandRng;
    this.balancer = new Balancer(spec.loadBalancing(), balancingRng);
    this.roundRobin = spec.loadBalancing() == LoadBalancing.ROUND_ROBIN;
    this.cpuLimitCores = spec.cpuLimitCores();
    this.memoryLimitMiB = spec.memoryLimitMiB();
    this.gpuModel = spec.isGpu() ? spec.gpu().model() : null;
    this.gpuFrequencyMHz = spec.isGpu() ? spec.gpu().frequencyMHz() : 0;
  }

  /** The clock the GPUs actually run at: the setting, or the throttle's cap if lower. */
  double effectiveGpuMHz() {
    return Math.min(gpuFrequencyMHz, effects.gpuClockCapFraction * gpuModel.maxFreqMHz());
  }

  /** Speed of a GPU operation started now, relative to the top clock. */
  double gpuSpeed() {
    return 1 / gpuModel.latencyScale(effectiveGpuMHz());
  }

  double workingSetMiB(double nowMs) {
    return spec.workingSetMiB()
        + leakedAtOriginMiB
        + effects.leakMiBPerS * (nowMs - leakOriginMs) / 1000;
  }

  /** Call before the leak rate changes: carries what has leaked so far into the origin. */
  void settleLeak(double nowMs) {
    leakedAtOriginMiB = workingSetMiB(nowMs) - spec.workingSetMiB();
    leakOriginMs = nowMs;
  }

  /** A restart frees leaked memory; removing the last leak restores the spec's working set. */
  void resetLeak(double nowMs) {
    leakedAtOriginMiB = 0;
    leakOriginMs = nowMs;
  }

  /** When the working set will reach the OOM threshold, or +Infinity if it never will. */
  double oomAtMs(double nowMs) {
    if (effects.leakMiBPerS <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double thresholdMiB = memoryLimitMiB / MemoryModel.OOM_RATIO;
    double missingMiB = thresholdMiB - workingSetMiB(nowMs);
    return nowMs + Math.max(0, missingMiB) / effects.leakMiBPerS * 1000;
  }

  /** Advances the CPU integrals to {@code nowMs}; call before any change of rate. */
  void advance(double nowMs) {
    double dt = nowMs - lastChangeMs;
    if (dt > 0) {
      cpuCoreMs += busyCores * dt;
      allocatedCoreMs += allocatedCores * dt;
      memoryMiBMs += allocatedMemoryMiB * dt;
      if (gpuModel != null) {
        double idle = Math.max(0, allocatedDevices - busyDevices);
        gpuBusyDeviceMs += busyDevices * dt;
        gpuAllocatedDeviceMs += allocatedDevices * dt;
        gpuEnergyJ +=
            (busyDevices * gpuModel.powerW(effectiveGpuMHz()) + idle * spec.gpu().idlePowerW())
                * dt
                / 1000;
      }
    }
    lastChangeMs = nowMs;
  }

  /**
   * A call starts its work at {@code speed}: on a CPU service it keeps {@code speed} cores busy, on
   * a GPU service one device.
   */
  void workStarted(double nowMs, double speed) {
    advance(nowMs);
    if (gpuModel != null) {
      busyDevices++;
    } else {
      busyCores += speed;
    }
  }

  /** Cores the service's calls use now (devices, on a GPU service). */
  double busyCores() {
    return gpuModel != null ? busyDevices : busyCores;
  }

  /** Processor sharing changed the cores a replica's calls use together by {@code deltaCores}. */
  void busyCoresChanged(double nowMs, double deltaCores) {
    advance(nowMs);
    busyCores += deltaCores;
    if (Math.abs(busyCores) < 1e-9) {
      busyCores = 0;
    }
  }

  /** The call that {@link #workStarted} at {@code speed} has stopped working. */
  void workEnded(double nowMs, double speed) {
    advance(nowMs);
    if (gpuModel != null) {
      busyDevices--;
    } else {
      busyCores -= speed;
      if (Math.abs(busyCores) < 1e-9) {
        busyCores = 0;
      }
    }
  }

  /** Recomputes the allocated CPU rate: the limit of every replica that holds its quota. */
  void refreshAllocation(double nowMs) {
    advance(nowMs);
    int holding = 0;
    for (Replica r : replicas) {
      if (r.state == Replica.State.READY || r.state == Replica.State.DRAINING) {
        holding++;
      }
    }
    allocatedCores = holding * cpuLimitCores;
    allocatedMemoryMiB = holding * memoryLimitMiB;
    allocatedDevices = gpuModel == null ? 0 : holding * spec.gpu().devices();
  }

  /** The ready replica the next call goes to, by the service's policy; null if none is ready. */
  Replica pickReplica() {
    if (readyCount == 1 && !roundRobin) {
      return ready[0]; // the common case, kept short; round robin still counts its turns
    }
    return balancer.pick(ready, readyCount);
  }

  /** Calls a replica may hold under processor sharing; 0 under FCFS. */
  int maxSharedCalls() {
    return spec.cpuSharing() == CpuSharing.PROCESSOR_SHARING ? spec.queueBound() : 0;
  }

  int readyCount() {
    return readyCount;
  }

  void rebuildReady() {
    readyCount = 0;
    for (Replica r : replicas) {
      if (r.state == Replica.State.READY) {
        if (readyCount == ready.length) {
          ready = Arrays.copyOf(ready, readyCount * 2);
        }
        ready[readyCount++] = r;
      }
    }
  }

  /** Replicas that count toward the desired number: all but draining and removed ones. */
  int desiredReplicas() {
    int n = 0;
    for (Replica r : replicas) {
      if (r.state != Replica.State.DRAINING && r.state != Replica.State.REMOVED) {
        n++;
      }
    }
    return n;
  }

  int queued() {
    int n = 0;
    for (Replica r : replicas) {
      n += r.waiting();
    }
    return n;
  }

  double memorySlowdown(double nowMs) {
    return MemoryModel.slowdown(memoryLimitMiB, workingSetMiB(nowMs));
  }

  boolean oomKilled(double nowMs) {
    return MemoryModel.oomKilled(memoryLimitMiB, workingSetMiB(nowMs));
  }

  void clearInterval() {
    arrivals = 0;
    completed = 0;
    dropped = 0;
    errors = 0;
    throttledMs = 0;
    latencies.clear();
    cpuCoreMs = 0;
    allocatedCoreMs = 0;
    memoryMiBMs = 0;
    gpuBusyDeviceMs = 0;
    gpuAllocatedDeviceMs = 0;
    gpuEnergyJ = 0;
  }
}
