package dev.trimtab.faults.inject;

import dev.trimtab.env.random.Seeds;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.MisconfiguredLimit;
import dev.trimtab.faults.spec.MixShift;
import dev.trimtab.faults.spec.NetworkDelay;
import dev.trimtab.faults.spec.NetworkLoss;
import dev.trimtab.faults.spec.Partition;
import dev.trimtab.faults.spec.ServiceFault;
import dev.trimtab.faults.spec.TraceSwap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a campaign to a simulation on simulated time and records its ground truth.
 *
 * <p>{@link #attach} resolves every target (random picks from the seed's {@code faults} stream, one
 * child stream per fault index, so editing one fault never changes another's draw), checks the
 * campaign against the topology, and schedules each fault's start and end with {@link
 * Simulation#at}. A fault is removed exactly at its end; {@link #close()} removes every fault still
 * active and stops those not yet started, so that a run that ends early or fails leaves the cluster
 * unperturbed. Use it in try-with-resources:
 *
 * <pre>{@code
 * try (SimulatedInjector faults = SimulatedInjector.attach(sim, campaign, seed)) {
 *   for (int i = 0; i < steps; i++) {
 *     faults.observe(sim.runFor(intervalMs));
 *   }
 * }
 * }</pre>
 *
 * <p>A misconfigured limit restores the limit the service had before it: the topology's, or the
 * last one {@link #observe} saw (call it after each interval when a controller changes limits). A
 * controller's own change to that limit during the fault is overwritten at its end.
 */
public final class SimulatedInjector implements AutoCloseable {
  private final List<GroundTruth> truth;
  private final List<ActiveFault> started = new ArrayList<>();
  private final LimitBook limits;
  private boolean closed;

  private SimulatedInjector(List<GroundTruth> truth, LimitBook limits) {
    this.truth = List.copyOf(truth);
    this.limits = limits;
  }

  /**
   * Schedules {@code campaign} on {@code sim}; faults' times count from the run's start and must
   * not be in the past. Throws {@link IllegalArgumentException} naming the fault ({@code
   * faults[3]}) when the campaign does not fit the topology, before anything is scheduled.
   */
  public static SimulatedInjector attach(Simulation sim, Campaign campaign, long seed) {
    Topology topology = sim.topology();
    Seeds seeds = new Seeds(seed);
    List<GroundTruth> truth = new ArrayList<>();
    for (int i = 0; i < campaign.faults().size(); i++) {
      FaultSpec f = campaign.faults().get(i);
      String where = campaign.name() + ": faults[" + i + "]";
      check(f, where, topology, sim.nowMs());
      List<String> services =
          f instanceof ServiceFault sf
              ? TargetResolver.resolve(sf, where, topology, seeds.stream("faults", i))
              : List.of();
      double startMs = f.startS() * 1000;
      truth.add(
          new GroundTruth(
              i, f.kind(), services, startMs, startMs + f.durationS() * 1000, f.intensity(), f));
    }
    checkLimitOverlaps(truth, campaign.name());
    SimulatedInjector injector = new SimulatedInjector(truth, new LimitBook(topology));
    for (GroundTruth t : truth) {
      sim.at(t.startMs(), () -> injector.start(sim, t));
      sim.at(t.endMs(), () -> injector.end(t));
    }
    return injector;
  }

  private void start(Simulation sim, GroundTruth t) {
    if (closed) {
      return;
    }
    ActiveFault fault = new ActiveFault(t);
    started.add(fault);
    t.spec().accept(new FaultApplier(sim, fault, limits));
  }

  private void end(GroundTruth t) {
    for (ActiveFault fault : started) {
      if (fault.truth == t) {
        fault.end();
      }
    }
  }

  /** Every fault of the campaign, resolved, in campaign order (also those not started yet). */
  public List<GroundTruth> groundTruth() {
    return truth;
  }

  /** The faults started and not yet removed. */
  public List<GroundTruth> active() {
    return started.stream().filter(f -> !f.ended()).map(f -> f.truth).toList();
  }

  /** Tells the injector the limits now in force, so that misconfigurations restore them. */
  public void observe(IntervalMetrics metrics) {
    limits.observe(metrics);
  }

  /**
   * Removes every active fault and cancels those not started; idempotent. If a removal fails, the
   * others are still removed and the first failure is rethrown.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).end();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static void check(FaultSpec f, String where, Topology topology, double nowMs) {
    if (f.startS() * 1000 < nowMs) {
      throw new IllegalArgumentException(
          where + ".startS: " + f.startS() + " s is before the simulation's now, " + nowMs + " ms");
    }
    String to =
        f instanceof NetworkDelay d
            ? d.to()
            : f instanceof NetworkLoss l ? l.to() : f instanceof Partition p ? p.to() : null;
    if (to != null && topology.serviceIndex(to) < 0) {
      throw new IllegalArgumentException(
          where + ".to: no service '" + to + "' in topology " + topology.name());
    }
    Map<String, Double> mix =
        f instanceof MixShift m ? m.weights() : f instanceof TraceSwap s ? s.mix() : Map.of();
    List<String> endpoints = topology.endpoints().stream().map(EndpointSpec::name).toList();
    for (String endpoint : mix.keySet()) {
      if (!endpoints.contains(endpoint)) {
        throw new IllegalArgumentException(
            where + ": no endpoint '" + endpoint + "' in topology; known: " + endpoints);
      }
    }
  }

  /** Two misconfigurations of one limit at once would restore each other's wrong value. */
  private static void checkLimitOverlaps(List<GroundTruth> truth, String campaign) {
    for (GroundTruth a : truth) {
      for (GroundTruth b : truth) {
        if (a.faultIndex() < b.faultIndex()
            && a.spec() instanceof MisconfiguredLimit ma
            && b.spec() instanceof MisconfiguredLimit mb
            && ma.resource() == mb.resource()
            && a.startMs() < b.endMs()
            && b.startMs() < a.endMs()
            && a.services().stream().anyMatch(b.services()::contains)) {
          throw new IllegalArgumentException(
              campaign
                  + ": faults["
                  + a.faultIndex()
                  + "] and faults["
                  + b.faultIndex()
                  + "] misconfigure the same limit of one service at the same time");
        }
      }
    }
  }
}
