package dev.trimtab.env.sim;

import dev.trimtab.env.random.Seeds;
import dev.trimtab.env.workload.ArrivalStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The event loop: requests arrive from the workload, every call crosses the network, queues at a
 * replica, runs one CPU burst, makes its child calls step by step and returns to its caller.
 *
 * <p>Events carry a call slot or a replica id. Failures (full queue, no ready replica, crash,
 * timeout) fail the call and every ancestor at once, up to the client; children still running are
 * left to finish and their replies are ignored.
 */
final class Cluster {
  static final int ARRIVE = 0;
  static final int DONE = 1;
  static final int CONTINUE = 2;
  static final int CLIENT_REPLY = 3;
  static final int DEADLINE = 4;
  static final int REPLICA_READY = 5;
  static final int LEAK_OOM = 6;
  static final int ACTION = 7;
  static final int SHARE_DONE = 8;

  static final byte DROP = 1;
  static final byte ERROR = 2;

  final CompiledTopology compiled;
  final ServiceRuntime[] services;
  final List<Replica> allReplicas = new ArrayList<>();
  final Calls calls;
  final EventQueue events = new EventQueue();
  final RequestStats requests;
  private final ArrivalStream arrivals;
  private final SplittableRandom mixRng;
  private final SplittableRandom routingRng;
  final SplittableRandom perturbationRng;
  private final double hopMs;
  private double nextArrivalMs;
  private double tokenFactor = 1;

  // Workload time runs rateFactor times faster than simulated time since the warp origin.
  private double nextArrivalWorkloadMs;
  private double rateFactor = 1;
  private double warpOriginMs;
  private double warpOriginWorkloadMs;
  private double[] mixOverride;

  final Map<Long, Effects> edgeEffects = new HashMap<>();

  private final Map<Integer, Runnable> actions = new HashMap<>();

  /** Calls a processor-sharing completion finished at once, before each goes on. */
  private int[] finished = new int[4];

  private int nextAction;
  private SpanSink spanSink;
  private double samplingRate;
  private final SplittableRandom samplingRng;
  private final long traceIdHigh;
  private long spanSerial;
  double nowMs;
  long eventsProcessed;

  Cluster(CompiledTopology compiled, ArrivalStream arrivals, Seeds seeds) {
    this.compiled = compiled;
    this.arrivals = arrivals;
    this.mixRng = seeds.stream("request-mix");
    this.routingRng = seeds.stream("call-probability");
    this.perturbationRng = seeds.stream("perturbations");
    this.samplingRng = seeds.stream("trace-sampling");
    this.traceIdHigh = seeds.stream("trace-ids").nextLong();
    this.hopMs = compiled.topology.networkHopMs();
    this.requests = new RequestStats(compiled.topology.endpoints());
    int n = compiled.topology.services().size();
    calls = new Calls(n);
    services = new ServiceRuntime[n];
    for (int s = 0; s < n; s++) {
      services[s] =
          new ServiceRuntime(
              s,
              compiled.topology.services().get(s),
              seeds.stream("service-times", s),
              seeds.stream("load-balancing", s));
      for (int r = 0; r < services[s].spec.replicas(); r++) {
        Replica replica = newReplica(services[s]);
        replica.state = Replica.State.READY;
      }
      services[s].rebuildReady();
      services[s].refreshAllocation(0);
    }
    nextArrivalWorkloadMs = arrivals.nextArrivalMs();
    nextArrivalMs = nextArrivalWorkloadMs;
  }

  /** Processes every event strictly before {@code endMs}, then sets the clock to it. */
  void runUntil(double endMs) {
    while (true) {
      // a client arrival goes before an event at the same time
      long polled = events.pollBefore(Math.min(nextArrivalMs, endMs));
      if (polled != EventQueue.NONE) {
        nowMs = events.polledTimeMs();
        dispatch(EventQueue.type(polled), EventQueue.payload(polled));
      } else if (nextArrivalMs < endMs) {
        nowMs = nextArrivalMs;
        onClientArrival();
      } else {
        break;
      }
      eventsProcessed++;
    }
    nowMs = endMs;
    for (ServiceRuntime s : services) {
      s.advance(endMs);
    }
  }

  private void dispatch(int type, int payload) {
    switch (type) {
      case ARRIVE -> onArrive(payload);
      case DONE -> onDone(payload);
      case CONTINUE -> onContinue(payload);
      case CLIENT_REPLY -> onClientReply(payload);
      case DEADLINE -> onDeadline(services[payload]);
      case REPLICA_READY -> onReplicaReady(allReplicas.get(payload));
      case LEAK_OOM -> onLeakOom(payload);
      case ACTION -> actions.remove(payload).run();
      case SHARE_DONE -> onShareDone(allReplicas.get(payload));
      default -> throw new IllegalStateException("unknown event type " + type);
    }
  }

  private void onClientArrival() {
    double u = mixRng.nextDouble();
    int endpoint = mixOverride == null ? compiled.endpointFor(u) : pick(mixOverride, u);
    int c = calls.allocate();
    calls.setNode(c, compiled.endpointRoot[endpoint]);
    calls.setEndpoint(c, endpoint);
    calls.setIssueMs(c, nowMs);
    calls.setTokens(c, scaleTokens(arrivals.promptTokens()), scaleTokens(arrivals.outputTokens()));
    if (spanSink != null && samplingRng.nextDouble() < samplingRate) {
      calls.trace(c, mix(++spanSerial), mix(++spanSerial) | 1, 0);
    }
    requests.arrived(endpoint);
    issue(c);
    nextArrivalWorkloadMs = arrivals.nextArrivalMs();
    nextArrivalMs = toSimulatedMs(nextArrivalWorkloadMs);
  }

  private double toSimulatedMs(double workloadMs) {
    if (rateFactor == 1 && warpOriginMs == warpOriginWorkloadMs) {
      return workloadMs;
    }
    return warpOriginMs + (workloadMs - warpOriginWorkloadMs) / rateFactor;
  }

  private int scaleTokens(int tokens) {
    return tokenFactor == 1 ? tokens : (int) Math.round(tokens * tokenFactor);
  }

  /** Whether the workload will send no more requests. */
  boolean workloadEnded() {
    return nextArrivalWorkloadMs == Double.POSITIVE_INFINITY;
  }

  /** From now on, requests carry {@code factor} times the workload's token counts. */
  void setTokenFactor(double factor) {
    tokenFactor = factor;
  }

  /** From now on, requests arrive {@code factor} times as often as the workload says. */
  void setRateFactor(double factor) {
    warpOriginWorkloadMs = warpOriginWorkloadMs + (nowMs - warpOriginMs) * rateFactor;
    warpOriginMs = nowMs;
    rateFactor = factor;
    if (factor == 1 && Math.abs(warpOriginMs - warpOriginWorkloadMs) < 1e-9) {
      warpOriginWorkloadMs = warpOriginMs;
    }
    nextArrivalMs = toSimulatedMs(nextArrivalWorkloadMs);
  }

  /** Cumulative endpoint weights that replace the mix, or null to restore it. */
  void setMixOverride(double[] cumulativeWeights) {
    mixOverride = cumulativeWeights;
  }

  private static int pick(double[] cumulative, double u) {
    double target = u * cumulative[cumulative.length - 1];
    for (int e = 0; e < cumulative.length; e++) {
      if (target < cumulative[e]) {
        return e;
      }
    }
    return cumulative.length - 1;
  }

  private void issue(int c) {
    calls.setIssueMs(c, nowMs);
    ServiceRuntime s = services[compiled.nodeService[calls.node(c)]];
    double arriveMs = nowMs + hopMs;
    Effects edge = edgesActiveFor(c, s);
    boolean lost = false;
    if (!s.effects.neutralNetwork || edge != null) {
      arriveMs += networkDelayMs(s.effects) + (edge == null ? 0 : networkDelayMs(edge));
      lost = lost(s.effects) || (edge != null && lost(edge));
      arriveMs = throughLink(s, arriveMs);
    }
    if (lost) {
      calls.setState(c, Calls.DETACHED);
    } else {
      calls.setState(c, Calls.ARRIVING);
      events.scheduleInOrder(arriveMs, ARRIVE, c);
    }
    calls.watch(c, s.index);
    if (!s.deadlineCheckScheduled) {
      s.deadlineCheckScheduled = true;
      events.schedule(nowMs + s.spec.timeoutMs(), DEADLINE, s.index);
    }
  }

  private Effects edgesActiveFor(int c, ServiceRuntime callee) {
    if (edgeEffects.isEmpty()) {
      return null;
    }
    int p = calls.parent(c);
    int caller = p < 0 ? -1 : compiled.nodeService[calls.node(p)];
    return edgeEffects.get(edgeKey(caller, callee.index));
  }

  static long edgeKey(int caller, int callee) {
    return ((long) caller << 32) ^ (callee & 0xffffffffL);
  }

  private double networkDelayMs(Effects e) {
    double jitter = e.delayJitterMs == 0 ? 0 : e.delayJitterMs * perturbationRng.nextGaussian();
    return Math.max(0, e.addedDelayMs + jitter);
  }

  private boolean lost(Effects e) {
    return e.lossProbability > 0 && perturbationRng.nextDouble() < e.lossProbability;
  }

  /** A capped link carries one request at a time: transmission time is payload over bandwidth. */
  private static double throughLink(ServiceRuntime s, double readyMs) {
    Effects e = s.effects;
    if (e.bandwidthMbitPerS <= 0) {
      return readyMs;
    }
    double transmitMs = e.payloadKiB * 8192 / (e.bandwidthMbitPerS * 1000);
    s.linkFreeAtMs = Math.max(readyMs, s.linkFreeAtMs) + transmitMs;
    return s.linkFreeAtMs;
  }

  private void onArrive(int c) {
    if (calls.abandoned(c)) {
      calls.release(c);
      return;
    }
    ServiceRuntime s = services[compiled.nodeService[calls.node(c)]];
    s.arrivals++;
    calls.setState(c, Calls.DETACHED);
    calls.setArrivalMs(c, nowMs);
    if (s.effects.hung) {
      return;
    }
    Replica r = s.pickReplica();
    if (r == null) {
      failAtOrigin(c, s, ERROR);
    } else if (r.hasFreeServer()) {
      start(s, r, c);
    } else if (r.sharedCpu == null && r.queue.size() < s.spec.queueBound()) {
      calls.setState(c, Calls.QUEUED);
      calls.setReplica(c, r.id);
      r.queue.addLast(c);
    } else {
      failAtOrigin(c, s, DROP);
    }
  }

  private void start(ServiceRuntime s, Replica r, int c) {
    int node = calls.node(c);
    double workMs = compiled.nodeDemand[node].sample(s.demandRng);
    if (calls.promptTokens(c) != 0 || calls.outputTokens(c) != 0) {
      workMs +=
          calls.promptTokens(c) * compiled.nodePerPromptTokenMs[node]
              + calls.outputTokens(c) * compiled.nodePerOutputTokenMs[node];
    }
    if (r.sharedCpu != null) {
      startShared(s, r, c, workMs * s.memorySlowdown(nowMs) * s.effects.serviceTimeFactor);
      return;
    }
    double speedCores =
        s.gpuModel != null ? s.gpuSpeed() : r.speedCores * s.effects.cpuCapacityFactor;
    double durationMs = workMs / speedCores * s.memorySlowdown(nowMs) * s.effects.serviceTimeFactor;
    s.throttledMs += nowMs - calls.arrivalMs(c);
    calls.setState(c, Calls.RUNNING);
    calls.setReplica(c, r.id);
    calls.setReplicaEpoch(c, r.epoch);
    calls.setSpeedCores(c, speedCores);
    r.addRunning(c);
    s.workStarted(nowMs, speedCores);
    events.schedule(nowMs + durationMs, DONE, c);
  }

  private void onDone(int c) {
    Replica r = allReplicas.get(calls.replica(c));
    ServiceRuntime s = services[r.service];
    if (r.epoch == calls.replicaEpoch(c)) {
      r.removeRunning(c);
      s.workEnded(nowMs, calls.speedCores(c));
      s.completed++;
      startQueued(s, r);
      finishDrainIfIdle(s, r);
    }
    afterWork(c, s);
  }

  /** A call joins a processor-sharing replica with {@code workCoreMs} to do. */
  private void startShared(ServiceRuntime s, Replica r, int c, double workCoreMs) {
    calls.setState(c, Calls.RUNNING);
    calls.setReplica(c, r.id);
    calls.setReplicaEpoch(c, r.epoch);
    r.sharedCpu.advance(nowMs);
    r.sharedCpu.add(c, workCoreMs);
    r.busy++;
    reshare(s, r);
  }

  /**
   * Gives a processor-sharing replica's calls their new speed after a call came or went, or the
   * limit or the contention changed, and schedules the next completion at that speed.
   */
  void reshare(ServiceRuntime s, Replica r) {
    SharedCpu cpu = r.sharedCpu;
    cpu.advance(nowMs);
    double busyBefore = cpu.busyCores;
    double doneMs = cpu.reshare(r.cpuLimitCores * s.effects.cpuCapacityFactor, nowMs);
    s.busyCoresChanged(nowMs, cpu.busyCores - busyBefore);
    cpu.nextDoneMs = doneMs;
    if (cpu.size() > 0) {
      events.schedule(doneMs, SHARE_DONE, r.id);
    }
  }

  /** Reshares every processor-sharing replica of {@code s} (its limit or contention changed). */
  void reshareAll(ServiceRuntime s) {
    for (Replica r : s.replicas) {
      if (r.sharedCpu != null && r.sharedCpu.size() > 0) {
        reshare(s, r);
      }
    }
  }

  /**
   * The next completion of a processor-sharing replica, unless a change of speed since made this
   * event stale: completes every call whose work is done, then lets each go on.
   */
  private void onShareDone(Replica r) {
    SharedCpu cpu = r.sharedCpu;
    if (nowMs != cpu.nextDoneMs) {
      return;
    }
    ServiceRuntime s = services[r.service];
    cpu.advance(nowMs);
    double aloneCores = Math.min(1, r.cpuLimitCores * s.effects.cpuCapacityFactor);
    int n = 0;
    do {
      double workCoreMs = cpu.firstWorkCoreMs();
      int c = cpu.pollFirst();
      r.busy--;
      s.completed++;
      s.throttledMs += Math.max(0, nowMs - calls.arrivalMs(c) - workCoreMs / aloneCores);
      if (n == finished.length) {
        finished = Arrays.copyOf(finished, n * 2);
      }
      finished[n++] = c;
    } while (cpu.firstDone());
    reshare(s, r);
    finishDrainIfIdle(s, r);
    for (int i = 0; i < n; i++) {
      afterWork(finished[i], s);
    }
  }

  /** A call's CPU burst is over: it fails, waits for injected latency, or makes its calls. */
  private void afterWork(int c, ServiceRuntime s) {
    if (calls.abandoned(c)) {
      calls.release(c);
      return;
    }
    double pError = s.effects.errorProbability;
    if (pError > 0 && perturbationRng.nextDouble() < pError) {
      calls.setState(c, Calls.DETACHED);
      failAtOrigin(c, s, ERROR);
      return;
    }
    if (s.effects.handlerDelayMs > 0) {
      calls.setStep(c, -1);
      calls.setState(c, Calls.CONTINUING);
      events.schedule(nowMs + s.effects.handlerDelayMs, CONTINUE, c);
      return;
    }
    calls.setStep(c, 0);
    runStep(c);
  }

  void startQueued(ServiceRuntime s, Replica r) {
    while (r.hasFreeServer() && !r.queue.isEmpty()) {
      int next = r.queue.pollFirst();
      if (calls.abandoned(next)) {
        calls.release(next);
      } else {
        start(s, r, next);
      }
    }
  }

  private void onContinue(int c) {
    if (calls.abandoned(c)) {
      calls.release(c);
      return;
    }
    calls.setStep(c, calls.step(c) + 1);
    runStep(c);
  }

  /** Issues the calls of the current step, skipping steps whose calls all draw "not called". */
  private void runStep(int c) {
    int node = calls.node(c);
    int stepCount = compiled.nodeStepCount[node];
    boolean traced = calls.traced(c);
    for (int step = calls.step(c); step < stepCount; step++) {
      int at = compiled.nodeStepStart[node] + step;
      int first = compiled.stepChildStart[at];
      int end = first + compiled.stepChildCount[at];
      int issued = 0;
      for (int k = first; k < end; k++) {
        int childNode = compiled.stepChildren[k];
        double p = compiled.nodeProbability[childNode];
        if (p >= 1 || routingRng.nextDouble() < p) {
          int child = calls.allocateChild(c, childNode);
          if (traced) {
            calls.trace(child, calls.traceIdLow(c), mix(++spanSerial) | 1, calls.spanId(c));
          }
          issue(child);
          issued++;
        }
      }
      if (issued > 0) {
        calls.setStep(c, step);
        calls.setState(c, Calls.WAITING);
        calls.setPending(c, issued);
        calls.setMaxReturnMs(c, nowMs);
        return;
      }
    }
    complete(c);
  }

  private void complete(int c) {
    ServiceRuntime s = services[compiled.nodeService[calls.node(c)]];
    s.latencies.add(nowMs - calls.arrivalMs(c));
    emitSpan(c, false);
    int p = calls.parent(c);
    if (p < 0) {
      calls.setState(c, Calls.REPLYING);
      calls.unwatch(c);
      events.scheduleInOrder(nowMs + hopMs, CLIENT_REPLY, c);
      return;
    }
    int parentGeneration = calls.parentGeneration(c);
    calls.release(c);
    if (calls.generation(p) != parentGeneration || calls.abandoned(p)) {
      return;
    }
    calls.setMaxReturnMs(p, Math.max(calls.maxReturnMs(p), nowMs + hopMs));
    if (calls.decrementPending(p) == 0) {
      calls.setState(p, Calls.CONTINUING);
      events.scheduleInOrder(calls.maxReturnMs(p), CONTINUE, p);
    }
  }

  private void onClientReply(int c) {
    requests.completed(calls.endpoint(c), nowMs - calls.issueMs(c));
    calls.release(c);
  }

  private void failAtOrigin(int c, ServiceRuntime s, byte cause) {
    if (cause == DROP) {
      s.dropped++;
    } else {
      s.errors++;
    }
    fail(c, cause);
  }

  /**
   * Fails call {@code c} and every live ancestor up to the client. A slot is freed here only when
   * no event or queue still refers to it; otherwise whoever holds it frees it later.
   */
  private void fail(int c, byte cause) {
    while (true) {
      int p = calls.parent(c);
      int parentGeneration = calls.parentGeneration(c);
      int endpoint = calls.endpoint(c);
      calls.abandon(c);
      emitSpan(c, true);
      int state = calls.state(c);
      if (state == Calls.WAITING || state == Calls.DETACHED) {
        calls.release(c);
      }
      if (p < 0) {
        requests.failed(endpoint, cause == DROP);
        return;
      }
      if (calls.generation(p) != parentGeneration || calls.abandoned(p)) {
        return;
      }
      services[compiled.nodeService[calls.node(p)]].errors++;
      c = p;
    }
  }

  /** Fails the calls to {@code s} whose timeout has passed; checks again at the next one's. */
  private void onDeadline(ServiceRuntime s) {
    while (true) {
      int c = calls.firstWatched(s.index);
      if (c < 0) {
        break;
      }
      double deadlineMs = calls.issueMs(c) + s.spec.timeoutMs();
      if (deadlineMs > nowMs) {
        events.schedule(deadlineMs, DEADLINE, s.index);
        return;
      }
      failAtOrigin(c, s, ERROR); // abandons c, which leaves the list
    }
    s.deadlineCheckScheduled = false;
  }

  void scheduleAction(double atMs, Runnable action) {
    int id = nextAction++;
    actions.put(id, action);
    events.schedule(atMs, ACTION, id);
  }

  void setSpanSink(SpanSink sink, double rate) {
    spanSink = sink;
    samplingRate = sink == null ? 0 : rate;
  }

  /** Ends the call's server span, if its request is sampled and the call reached its service. */
  private void emitSpan(int c, boolean error) {
    if (!calls.traced(c) || Double.isNaN(calls.arrivalMs(c))) {
      return;
    }
    int node = calls.node(c);
    spanSink.onSpan(
        traceIdHigh,
        calls.traceIdLow(c),
        calls.spanId(c),
        calls.parentSpanId(c),
        compiled.topology.services().get(compiled.nodeService[node]).name(),
        compiled.nodeOperation[node],
        compiled.topology.endpoints().get(calls.endpoint(c)).name(),
        calls.arrivalMs(c),
        nowMs,
        error);
  }

  /** SplitMix64's finaliser: distinct, well-spread ids from a counter. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  Replica newReplica(ServiceRuntime s) {
    Replica r = new Replica(allReplicas.size(), s.index, s.cpuLimitCores, s.maxSharedCalls());
    if (s.gpuModel != null) {
      r.setGpuCapacity(s.spec.gpu().devices(), 1);
    }
    allReplicas.add(r);
    s.replicas.add(r);
    return r;
  }

  private void onReplicaReady(Replica r) {
    if (r.state != Replica.State.STARTING && r.state != Replica.State.DOWN) {
      return;
    }
    ServiceRuntime s = services[r.service];
    if (s.oomKilled(nowMs)) {
      r.restarts++;
      r.state = Replica.State.DOWN;
      events.schedule(nowMs + s.spec.startupMs(), REPLICA_READY, r.id);
      return;
    }
    r.state = Replica.State.READY;
    s.rebuildReady();
    s.refreshAllocation(nowMs);
  }

  /**
   * Kills a replica: its running and queued calls fail, and it restarts after its start-up delay.
   */
  void crash(Replica r) {
    ServiceRuntime s = services[r.service];
    if (r.sharedCpu != null) {
      SharedCpu cpu = r.sharedCpu;
      s.busyCoresChanged(nowMs, -cpu.busyCores);
      for (int i = 0; i < cpu.size(); i++) {
        int c = cpu.call(i);
        if (!calls.abandoned(c)) {
          failAtOrigin(c, s, ERROR);
        }
        calls.release(c); // no event refers to it any more
      }
      cpu.clear();
    }
    for (int i = 0; i < r.busy && r.sharedCpu == null; i++) {
      int c = r.running[i];
      s.workEnded(nowMs, calls.speedCores(c));
      if (!calls.abandoned(c)) {
        failAtOrigin(c, s, ERROR);
      }
    }
    r.busy = 0;
    while (!r.queue.isEmpty()) {
      int c = r.queue.pollFirst();
      if (!calls.abandoned(c)) {
        failAtOrigin(c, s, ERROR);
      }
      calls.release(c);
    }
    r.epoch++;
    r.restarts++;
    if (r.state == Replica.State.DRAINING) {
      r.state = Replica.State.REMOVED;
      s.replicas.remove(r);
    } else {
      r.state = Replica.State.DOWN;
      events.schedule(nowMs + s.spec.startupMs(), REPLICA_READY, r.id);
    }
    s.rebuildReady();
    s.refreshAllocation(nowMs);
  }

  /** Schedules the moment a leaking service's working set crosses its OOM threshold. */
  void scheduleLeakCheck(ServiceRuntime s) {
    double atMs = s.oomAtMs(nowMs);
    if (atMs < Double.POSITIVE_INFINITY) {
      events.schedule(atMs, LEAK_OOM, s.index);
    }
  }

  private void onLeakOom(int service) {
    ServiceRuntime s = services[service];
    if (s.workingSetMiB(nowMs) < s.memoryLimitMiB / MemoryModel.OOM_RATIO - 1e-6) {
      return; // a stale check: the leak slowed or stopped, or a restart freed the memory
    }
    for (Replica r : List.copyOf(s.replicas)) {
      if (r.state == Replica.State.READY || r.state == Replica.State.DRAINING) {
        crash(r);
      }
    }
    s.resetLeak(nowMs);
    scheduleLeakCheck(s);
  }

  void finishDrainIfIdle(ServiceRuntime s, Replica r) {
    if (r.state == Replica.State.DRAINING && r.idle()) {
      r.state = Replica.State.REMOVED;
      s.replicas.remove(r);
      s.refreshAllocation(nowMs);
    }
  }

  void scheduleReady(Replica r, double atMs) {
    events.schedule(atMs, REPLICA_READY, r.id);
  }
}
