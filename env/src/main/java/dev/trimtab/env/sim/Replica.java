package dev.trimtab.env.sim;

/**
 * One replica (pod) of a service: a multi-server FIFO station whose total speed is its CPU limit.
 *
 * <p>A limit of L cores gives {@code ceil(L)} servers of speed {@code L / ceil(L)} cores each: the
 * replica never uses more than L cores at any instant, which is what the CFS quota enforces over a
 * period, and at low load a single request runs {@code 1/L} times slower when L is below one core
 * (the fluid limit of CFS throttling; see docs/simulator.md).
 */
final class Replica {
  enum State {
    STARTING,
    READY,
    DRAINING,
    DOWN,
    REMOVED
  }

  final int id;
  final int service;
  State state = State.STARTING;
  int epoch;
  int servers;
  double speedCores;
  int busy;
  int[] running = new int[4];
  final IntRing queue = new IntRing();
  long restarts;

  Replica(int id, int service, double cpuLimitCores) {
    this.id = id;
    this.service = service;
    setCpuLimit(cpuLimitCores);
  }

  void setCpuLimit(double cpuLimitCores) {
    servers = Math.max(1, (int) Math.ceil(cpuLimitCores - 1e-9));
    speedCores = cpuLimitCores / servers;
  }

  /** A GPU replica: one operation per device at a time, at {@code speed} of the top clock's. */
  void setGpuCapacity(int devices, double speed) {
    servers = devices;
    speedCores = speed;
  }

  boolean hasFreeServer() {
    return busy < servers;
  }

  void addRunning(int call) {
    if (busy == running.length) {
      running = java.util.Arrays.copyOf(running, busy * 2);
    }
    running[busy++] = call;
  }

  void removeRunning(int call) {
    for (int i = 0; i < busy; i++) {
      if (running[i] == call) {
        running[i] = running[--busy];
        return;
      }
    }
    throw new IllegalStateException("call " + call + " is not running on replica " + id);
  }

  boolean idle() {
    return busy == 0 && queue.isEmpty();
  }
}
