package dev.trimtab.testbed.live;

import dev.trimtab.env.power.CpuPowerModel;
import dev.trimtab.env.power.EnergyMeter;
import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.sim.SpanSink;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.testbed.live.load.ClientRun;
import dev.trimtab.testbed.live.load.ClientWindow;
import dev.trimtab.testbed.live.load.LoadGenerator;
import dev.trimtab.testbed.live.otlp.LiveSpan;
import dev.trimtab.testbed.live.otlp.OtlpReceiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * One run of a workload on a live testbed, advanced one control interval at a time like {@link
 * Simulation#runFor}: {@link #runFor} waits until the interval's end on the wall clock, then
 * reports it as {@link IntervalMetrics} built exactly as the simulator builds them. Clients'
 * figures (arrivals, completions, failures, end-to-end percentiles, SLOs) come from the load
 * generator; each service's calls from its counters, its CPU from its cgroups, its response-time
 * percentiles from its server spans, the OpenTelemetry way. Run time is milliseconds since the run
 * began.
 *
 * <p>An interval is closed {@link #SETTLE_MS} after its end, so that spans exported in batches and
 * answers still on the wire are counted in the interval in which they ended, not the next.
 */
public final class LiveRun implements AutoCloseable {
  /** How long after an interval's end its spans and answers are waited for. */
  public static final long SETTLE_MS = 300;

  private static final double LATE_SPAN_GRACE_NANOS = 2e9;

  private final Testbed testbed;
  private final Topology topology;
  private final LoadGenerator load;
  private final LongSupplier clock;
  private final long startNanos;
  private final long startEpochNanos;
  private final SpanSink spanSink;
  private final CpuPowerModel power = CpuPowerModel.DEFAULT;
  private final ClientRun clients;
  private final List<LiveSpan> carriedSpans = new ArrayList<>();
  private TestbedSample previous;
  private double nowMs;
  private long arrivedTotal;
  private long completedTotal;
  private long droppedTotal;
  private long erroredTotal;
  private double sloViolationMs;
  private double cpuCoreMsTotal;
  private double allocatedCoreMsTotal;
  private double energyJTotal;
  private double carbonGTotal;
  private double memoryMiBMsTotal;

  private LiveRun(
      Testbed testbed, Topology topology, Workload workload, long seed, SpanSink spanSink) {
    this.testbed = testbed;
    this.topology = topology;
    this.spanSink = spanSink;
    this.clock = System::nanoTime;
    this.load = new LoadGenerator(topology, workload, seed, testbed::pickReplica);
    this.clients = new ClientRun(topology, load);
    OtlpReceiver receiver = testbed.receiver();
    if (receiver != null) {
      receiver.spans().clear();
    }
    this.previous = testbed.sample();
    Instant now = Instant.now();
    this.startNanos = clock.getAsLong();
    this.startEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    testbed.attachLoad(load);
    load.start(startNanos);
  }

  /**
   * Starts sending {@code workload} (seeded by {@code seed}, as the simulator seeds it) now.
   *
   * @param topology the testbed's topology, possibly with other SLOs (a problem's overrides): its
   *     endpoints' SLOs judge the clients' latencies
   * @param spanSink gets every call's server span, times in run milliseconds, as the simulator's
   *     span hook does; null for none
   */
  public static LiveRun start(
      Testbed testbed, Topology topology, Workload workload, long seed, SpanSink spanSink) {
    if (!LiveProblemRunner.sameServices(testbed.topology(), topology)) {
      throw new IllegalArgumentException(
          "topology " + topology.name() + " is not the one the testbed runs");
    }
    return new LiveRun(testbed, topology, workload, seed, spanSink);
  }

  /** Milliseconds of run time at the end of the last interval. */
  public double nowMs() {
    return nowMs;
  }

  /** Milliseconds since the run began, on the wall clock. */
  public double elapsedMs() {
    return (clock.getAsLong() - startNanos) / 1e6;
  }

  /** The run's start as epoch nanoseconds (spans' time base). */
  public long startEpochNanos() {
    return startEpochNanos;
  }

  /**
   * Waits for the next {@code intervalMs} of the run to pass and reports them. While it waits,
   * {@code tick} gets the run time about every 20 ms (a live fault injector advances on it).
   */
  public IntervalMetrics runFor(double intervalMs, DoubleConsumer tick) {
    if (!(intervalMs > 0) || !Double.isFinite(intervalMs)) {
      throw new IllegalArgumentException("intervalMs must be finite and > 0, got " + intervalMs);
    }
    double startMs = nowMs;
    double endMs = startMs + intervalMs;
    long endNanos = startNanos + Math.round(endMs * 1e6);
    waitUntil(endNanos, tick);
    TestbedSample sample = testbed.sample();
    waitUntil(endNanos + SETTLE_MS * 1_000_000, tick);
    ClientWindow window = clients.cut(endNanos);
    Map<String, List<LiveSpan>> spans = spans(endNanos);
    IntervalMetrics m = collect(startMs, endMs, sample, window, spans);
    previous = sample;
    nowMs = endMs;
    return m;
  }

  private void waitUntil(long nanos, DoubleConsumer tick) {
    while (true) {
      long now = clock.getAsLong();
      if (tick != null) {
        tick.accept((now - startNanos) / 1e6);
      }
      if (now >= nanos) {
        return;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(20, (nanos - now) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private Map<String, List<LiveSpan>> spans(long endNanos) {
    Map<String, List<LiveSpan>> byService = new HashMap<>();
    OtlpReceiver receiver = testbed.receiver();
    if (receiver == null) {
      return byService;
    }
    long endEpoch = startEpochNanos + (endNanos - startNanos);
    List<LiveSpan> all = new ArrayList<>(carriedSpans);
    carriedSpans.clear();
    all.addAll(receiver.spans().drain(clock.getAsLong(), (long) LATE_SPAN_GRACE_NANOS));
    for (LiveSpan s : all) {
      if (s.startEpochNanos() < startEpochNanos) {
        continue;
      }
      if (s.endEpochNanos() >= endEpoch) {
        carriedSpans.add(s);
        continue;
      }
      byService.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s);
      if (spanSink != null) {
        s.sendTo(spanSink, startEpochNanos);
      }
    }
    return byService;
  }

  private IntervalMetrics collect(
      double startMs,
      double endMs,
      TestbedSample sample,
      ClientWindow clients,
      Map<String, List<LiveSpan>> spans) {
    double durationMs = endMs - startMs;
    List<ServiceMetrics> services = new ArrayList<>();
    for (int i = 0; i < topology.services().size(); i++) {
      ServiceSpec spec = topology.services().get(i);
      TestbedSample.ServiceSample now = sample.services().get(i);
      TestbedSample.ServiceSample before = previous.services().get(i);
      services.add(
          service(spec, before, now, durationMs, spans.getOrDefault(spec.name(), List.of())));
    }
    List<EndpointMetrics> endpoints = clients.endpointMetrics();
    arrivedTotal += clients.arrived();
    completedTotal += clients.completed();
    droppedTotal += clients.dropped();
    erroredTotal += clients.errored();
    IntervalMetrics m =
        new IntervalMetrics(
            startMs,
            endMs,
            clients.arrived(),
            clients.completed(),
            clients.dropped(),
            clients.errored(),
            Math.max(0, arrivedTotal - completedTotal - droppedTotal - erroredTotal),
            arrivedTotal,
            completedTotal,
            droppedTotal,
            erroredTotal,
            clients.percentileMs(50),
            clients.percentileMs(99),
            services,
            endpoints);
    if (m.sloViolated()) {
      sloViolationMs += durationMs;
    }
    return m;
  }

  private ServiceMetrics service(
      ServiceSpec spec,
      TestbedSample.ServiceSample before,
      TestbedSample.ServiceSample now,
      double durationMs,
      List<LiveSpan> spans) {
    double cpuCoreMs = Math.max(0, now.cpuNanos() - before.cpuNanos()) / 1e6;
    double allocatedCoreMs = now.cpuLimitCores() * now.readyReplicas() * durationMs;
    double memoryMiBMs = now.memoryLimitMiB() * now.readyReplicas() * durationMs;
    double energyJ =
        power.idleWPerCore() * allocatedCoreMs / 1000
            + (power.maxWPerCore() - power.idleWPerCore()) * cpuCoreMs / 1000;
    double carbonG = energyJ * Simulation.DEFAULT_CARBON_G_PER_KWH / EnergyMeter.JOULES_PER_KWH;
    cpuCoreMsTotal += cpuCoreMs;
    allocatedCoreMsTotal += allocatedCoreMs;
    energyJTotal += energyJ;
    carbonGTotal += carbonG;
    memoryMiBMsTotal += memoryMiBMs;
    double[] durations = new double[spans.size()];
    for (int i = 0; i < durations.length; i++) {
      durations[i] = spans.get(i).durationNanos() / 1e6;
    }
    java.util.Arrays.sort(durations);
    return new ServiceMetrics(
        spec.name(),
        now.replicas(),
        now.readyReplicas(),
        now.cpuLimitCores(),
        now.memoryLimitMiB(),
        now.arrived() - before.arrived(),
        now.completed() - before.completed(),
        now.dropped() - before.dropped(),
        now.errored() - before.errored(),
        cpuCoreMs,
        allocatedCoreMs > 0 ? cpuCoreMs / allocatedCoreMs : 0,
        spec.workingSetMiB() / now.memoryLimitMiB(),
        Math.max(0, now.throttledNanos() - before.throttledNanos()) / 1e6,
        nearestRank(durations, 50),
        nearestRank(durations, 95),
        nearestRank(durations, 99),
        now.queued(),
        0,
        0,
        durationMs > 0 ? energyJ / (durationMs / 1000) : 0,
        energyJ,
        carbonG,
        memoryMiBMs / 1000);
  }

  /** Nearest-rank percentile of sorted values; 0 when there are none. */
  static double nearestRank(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.max(1, Math.ceil(p / 100 * sorted.length));
    return sorted[rank - 1];
  }

  /**
   * Forgets the latencies recorded so far, so that {@link #summary}'s percentiles cover what comes
   * next only (a warm-up is over).
   */
  public void resetLatencies() {
    load.histogram().reset();
  }

  /** Whether the workload has ended and every request has been answered. */
  public boolean drained() {
    return load.workloadEnded() && load.inFlight() == 0;
  }

  /** The run so far, up to the end of the last interval, as the simulator summarises a run. */
  public RunSummary summary() {
    var h = load.histogram();
    boolean any = h.getTotalCount() > 0;
    return new RunSummary(
        arrivedTotal,
        completedTotal,
        droppedTotal,
        erroredTotal,
        Math.max(0, arrivedTotal - completedTotal - droppedTotal - erroredTotal),
        sloViolationMs / 1000,
        any ? h.getValueAtPercentile(50) / 1000.0 : 0,
        any ? h.getValueAtPercentile(99) / 1000.0 : 0,
        any ? h.getMean() / 1000.0 : 0,
        cpuCoreMsTotal / 1000,
        allocatedCoreMsTotal / 1000,
        nowMs / 1000,
        load.sent(),
        energyJTotal,
        carbonGTotal,
        memoryMiBMsTotal / 1000,
        0);
  }

  /** Stops sending; the testbed keeps running. */
  @Override
  public void close() {
    testbed.attachLoad(null);
    load.close();
  }
}
