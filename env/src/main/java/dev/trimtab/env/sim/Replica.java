package dev.trimtab.env.sim;

/**
 * One replica (pod) of a service, whose CPU limit paces its calls in one of two ways.
 *
 * <p>First come, first served: a multi-server FIFO station whose total speed is its CPU limit. A
 * limit of L cores gives {@code ceil(L)} servers of speed {@code L / ceil(L)} cores each: the
 * replica never uses more than L cores at any instant, which is what the CFS quota enforces over a
 * period, and at low load a single request runs {@code 1/L} times slower when L is below one core
 * (the fluid limit of CFS throttling; see docs/simulator.md).
 *
 * <p>Processor sharing ({@link #sharedCpu} not null): every call it holds runs at once and shares
 * the limit ({@link SharedCpu}); it holds at most {@code maxShared} calls and queues none.
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
  double cpuLimitCores;

  /** The calls sharing the CPU under processor sharing; null under FCFS. */
  final SharedCpu sharedCpu;

  /** A first-come-first-served replica. */
  Replica(int id, int service, double cpuLimitCores) {
    this(id, service, cpuLimitCores, 0);
  }

  /**
   * A replica that shares its CPU among up to {@code maxShared} calls, or a first-come-first-served
   * one when {@code maxShared} is 0.
   */
  Replica(int id, int service, double cpuLimitCores, int maxShared) {
    this.id = id;
    this.service = service;
    this.sharedCpu = maxShared > 0 ? new SharedCpu() : null;
    if (maxShared > 0) {
      servers = maxShared;
    }
    setCpuLimit(cpuLimitCores);
  }

  void setCpuLimit(double cpuLimitCores) {
    this.cpuLimitCores = cpuLimitCores;
    if (sharedCpu == null) {
      servers = fcfsServers(cpuLimitCores);
      speedCores = cpuLimitCores / servers;
    }
  }

  private static int fcfsServers(double cpuLimitCores) {
    return Math.max(1, (int) Math.ceil(cpuLimitCores - 1e-9));
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

  /** Calls in the replica, running or queued: what a least-request balancer compares. */
  int inFlight() {
    return busy + queue.size();
  }

  /**
   * Calls waiting for CPU: the queue under FCFS; under processor sharing, the calls beyond one per
   * whole core of the limit (they run, slower than a core each).
   */
  int waiting() {
    return sharedCpu == null ? queue.size() : Math.max(0, busy - fcfsServers(cpuLimitCores));
  }
}
