package dev.trimtab.faults.live;

import dev.trimtab.env.random.Seeds;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.inject.LimitBook;
import dev.trimtab.faults.inject.TargetResolver;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.MixShift;
import dev.trimtab.faults.spec.ServiceFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plays a campaign on a live cluster, on the run's clock: the live twin of {@code
 * SimulatedInjector}. Targets resolve exactly as in the simulator (same seed, same culprits), the
 * ground truth is the same, and faults start and end when {@link #advanceTo} passes their times.
 * {@link #close()} ends every active fault, so that a run that ends early or fails leaves the
 * cluster as it found it; use try-with-resources.
 *
 * <p>How each kind is applied ({@link LiveFaults} has the details): cpu-contention through the CFS
 * quota, latency-injection, error-injection and memory-leak through Chaos Monkey assaults, hang by
 * freezing the replicas' cgroup, service-crash with SIGKILL, misconfigured-limit through the
 * actuator, rate-shift, flash-crowd and mix-shift through the load generator. The other kinds
 * (network faults on a loopback testbed, contention of caches, memory bandwidth and disks, GPU and
 * payload faults, trace swaps) have no live form yet and are refused by {@link #attach}.
 */
public final class LiveInjector implements AutoCloseable {
  /** The kinds a live cluster can take. */
  public static final Set<FaultKind> SUPPORTED =
      EnumSet.of(
          FaultKind.CPU_CONTENTION,
          FaultKind.LATENCY_INJECTION,
          FaultKind.ERROR_INJECTION,
          FaultKind.HANG,
          FaultKind.SERVICE_CRASH,
          FaultKind.MEMORY_LEAK,
          FaultKind.MISCONFIGURED_LIMIT,
          FaultKind.RATE_SHIFT,
          FaultKind.FLASH_CROWD,
          FaultKind.MIX_SHIFT);

  private record Event(double atMs, int order, GroundTruth truth, boolean start) {}

  private final List<GroundTruth> truth;
  private final List<Event> events;
  private final LiveFaults faults;
  private int next;
  private boolean closed;

  private LiveInjector(List<GroundTruth> truth, LiveFaults faults) {
    this.truth = List.copyOf(truth);
    this.faults = faults;
    List<Event> ev = new ArrayList<>();
    for (int i = 0; i < truth.size(); i++) {
      GroundTruth t = truth.get(i);
      ev.add(new Event(t.startMs(), 2 * i, t, true));
      ev.add(new Event(t.endMs(), 2 * i + 1, t, false));
    }
    ev.sort(Comparator.comparingDouble(Event::atMs).thenComparingInt(Event::order));
    this.events = ev;
  }

  /**
   * Resolves {@code campaign} against {@code target}'s topology with the simulator's rules and
   * streams; nothing is applied before {@link #advanceTo}.
   *
   * @throws IllegalArgumentException naming the fault ({@code faults[3]}) if a kind has no live
   *     form or the campaign does not fit the topology
   */
  public static LiveInjector attach(LiveTarget target, Campaign campaign, long seed) {
    Topology topology = target.topology();
    Seeds seeds = new Seeds(seed);
    List<GroundTruth> truth = new ArrayList<>();
    for (int i = 0; i < campaign.faults().size(); i++) {
      FaultSpec f = campaign.faults().get(i);
      String where = campaign.name() + ": faults[" + i + "]";
      if (!SUPPORTED.contains(f.kind())) {
        throw new IllegalArgumentException(
            where
                + ": "
                + f.kind().yamlName()
                + " has no live form; the live testbed takes "
                + SUPPORTED.stream().map(FaultKind::yamlName).collect(Collectors.joining(", ")));
      }
      if (f instanceof MixShift m) {
        checkEndpoints(m.weights(), topology, where);
      }
      List<String> services =
          f instanceof ServiceFault sf
              ? TargetResolver.resolve(sf, where, topology, seeds.stream("faults", i))
              : List.of();
      double startMs = f.startS() * 1000;
      truth.add(
          new GroundTruth(
              i, f.kind(), services, startMs, startMs + f.durationS() * 1000, f.intensity(), f));
    }
    return new LiveInjector(truth, new LiveFaults(target, new LimitBook(topology)));
  }

  private static void checkEndpoints(Map<String, Double> mix, Topology topology, String where) {
    List<String> endpoints = topology.endpoints().stream().map(EndpointSpec::name).toList();
    for (String e : mix.keySet()) {
      if (!endpoints.contains(e)) {
        throw new IllegalArgumentException(
            where + ": no endpoint '" + e + "' in topology; known: " + endpoints);
      }
    }
  }

  /**
   * Starts and ends every fault whose time is at or before {@code nowMs} (milliseconds since the
   * run began), in time order, and follows flash crowds' curves.
   */
  public void advanceTo(double nowMs) {
    if (closed) {
      return;
    }
    while (next < events.size() && events.get(next).atMs() <= nowMs) {
      Event e = events.get(next++);
      if (e.start()) {
        faults.start(e.truth());
      } else {
        faults.end(e.truth());
      }
    }
    faults.follow(nowMs);
  }

  /** Every fault of the campaign, resolved, in campaign order. */
  public List<GroundTruth> groundTruth() {
    return truth;
  }

  /** Faults started and not yet ended. */
  public List<GroundTruth> active() {
    return faults.active();
  }

  /** Tells the injector the limits in force, so that misconfigurations restore them. */
  public void observe(IntervalMetrics metrics) {
    faults.observe(metrics);
  }

  /** What went wrong applying faults (a replica that did not answer, say); the run carried on. */
  public List<String> problems() {
    return faults.problems();
  }

  /**
   * Ends every active fault and cancels the rest; idempotent. Every lever is reset even when one
   * fails; the first failure is then rethrown.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    faults.endAll();
  }
}
