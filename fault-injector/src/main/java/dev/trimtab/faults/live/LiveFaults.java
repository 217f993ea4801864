package dev.trimtab.faults.live;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.inject.LimitBook;
import dev.trimtab.faults.spec.CpuContention;
import dev.trimtab.faults.spec.ErrorInjection;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.FlashCrowd;
import dev.trimtab.faults.spec.Hang;
import dev.trimtab.faults.spec.LatencyInjection;
import dev.trimtab.faults.spec.LimitResource;
import dev.trimtab.faults.spec.MemoryLeak;
import dev.trimtab.faults.spec.MisconfiguredLimit;
import dev.trimtab.faults.spec.MixShift;
import dev.trimtab.faults.spec.RateShift;
import dev.trimtab.faults.spec.ServiceCrash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live injector's state: which faults are active, and the effective levers they add up to.
 * After every change the effective state is recomputed from the active faults alone (factors
 * multiplied, assaults merged, a hang while any hang lasts) and only what changed is pushed to the
 * target. Instant faults act at their start: a crash kills replicas once; a misconfigured limit is
 * set, and the limit from before it restored at its end.
 *
 * <p>Kind by kind: cpu-contention keeps {@link CpuContention#capacityFraction()} of the quota;
 * latency-injection is a Chaos Monkey latency assault of exactly {@code latencyMs}; error-injection
 * an exception assault on one call in {@code round(1/probability)}, at random; memory-leak a Chaos
 * Monkey memory assault that takes, each second, the share of the free heap that the leak rate is
 * of half the heap, up to 95% of it (Chaos Monkey fills the heap in shares of what is free, so the
 * rate is approximate); hang freezes the replicas (cgroup freezer, or SIGSTOP without one).
 */
final class LiveFaults {
  private final LiveTarget target;
  private final LimitBook limits;
  private final List<GroundTruth> active = new ArrayList<>();
  private final Map<GroundTruth, Map<String, Double>> restores = new IdentityHashMap<>();
  private final Map<String, Double> pushedCpu = new HashMap<>();
  private final Map<String, Assault> pushedAssault = new HashMap<>();
  private final Map<String, Boolean> pushedFrozen = new HashMap<>();
  private double pushedRate = 1;
  private Map<String, Double> pushedMix;
  private double nowMs;
  private final List<String> problems = new ArrayList<>();

  LiveFaults(LiveTarget target, LimitBook limits) {
    this.target = target;
    this.limits = limits;
  }

  void start(GroundTruth t) {
    active.add(t);
    FaultSpec f = t.spec();
    if (f instanceof ServiceCrash crash) {
      for (String s : t.services()) {
        attempt(
            "kill " + crash.replicas() + " replica(s) of " + s,
            () -> target.killReplicas(s, crash.replicas()));
      }
    } else if (f instanceof MisconfiguredLimit m) {
      Map<String, Double> before = new HashMap<>();
      for (String s : t.services()) {
        before.put(s, limits.hold(s, m.resource()));
        attempt("misconfigure " + s, () -> setLimit(s, m.resource(), m.wrongLimit()));
      }
      restores.put(t, before);
    }
    sync();
  }

  void end(GroundTruth t) {
    if (!active.remove(t)) {
      return;
    }
    Map<String, Double> before = restores.remove(t);
    if (before != null && t.spec() instanceof MisconfiguredLimit m) {
      before.forEach(
          (s, v) -> {
            limits.release(s, m.resource());
            attempt("restore the limit of " + s, () -> setLimit(s, m.resource(), v));
          });
    }
    sync();
  }

  private void setLimit(String service, LimitResource resource, double value) {
    if (resource == LimitResource.CPU) {
      target.setCpuLimit(service, value);
    } else {
      target.setMemoryLimit(service, value);
    }
  }

  void follow(double now) {
    this.nowMs = now;
    if (active.stream().anyMatch(t -> t.spec() instanceof FlashCrowd)) {
      sync();
    }
  }

  void observe(IntervalMetrics metrics) {
    limits.observe(metrics);
  }

  List<GroundTruth> active() {
    return List.copyOf(active);
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  /** Ends every active fault (latest first), then pushes the clean state to every service. */
  void endAll() {
    for (int i = active.size() - 1; i >= 0; i--) {
      end(active.get(i));
    }
    for (ServiceSpec s : target.topology().services()) {
      pushedCpu.remove(s.name());
      pushedAssault.remove(s.name());
      pushedFrozen.remove(s.name());
    }
    pushedMix = Map.of();
    pushedRate = Double.NaN;
    int before = problems.size();
    sync();
    if (problems.size() > before) {
      throw new IllegalStateException(
          "could not fully revert the faults: "
              + String.join("; ", problems.subList(before, problems.size())));
    }
  }

  private void sync() {
    for (ServiceSpec spec : target.topology().services()) {
      String s = spec.name();
      double cpu = 1;
      Assault assault = Assault.NONE;
      boolean frozen = false;
      for (GroundTruth t : active) {
        if (!t.services().contains(s)) {
          continue;
        }
        FaultSpec f = t.spec();
        if (f instanceof CpuContention c) {
          cpu *= c.capacityFraction();
        } else if (f instanceof LatencyInjection l) {
          assault = assault.merge(Assault.latency((int) Math.max(1, Math.round(l.latencyMs()))));
        } else if (f instanceof ErrorInjection e) {
          assault = assault.merge(Assault.exceptions(e.probability()));
        } else if (f instanceof MemoryLeak m) {
          assault = assault.merge(memoryAssault(s, m));
        } else if (f instanceof Hang) {
          frozen = true;
        }
      }
      double c = cpu;
      if (!Objects.equals(pushedCpu.get(s), c)) {
        pushedCpu.put(s, c);
        attempt("CPU share of " + s, () -> target.setCpuCapacityFactor(s, c));
      }
      Assault a = assault;
      if (!a.equals(pushedAssault.get(s))) {
        pushedAssault.put(s, a);
        attempt("Chaos Monkey assault on " + s, () -> target.setAssault(s, a));
      }
      boolean fr = frozen;
      if (!Objects.equals(pushedFrozen.get(s), fr)) {
        pushedFrozen.put(s, fr);
        attempt((fr ? "freeze " : "thaw ") + s, () -> target.setFrozen(s, fr));
      }
    }
    double rate = 1;
    Map<String, Double> mix = null;
    for (GroundTruth t : active) {
      FaultSpec f = t.spec();
      if (f instanceof RateShift r) {
        rate *= r.factor();
      } else if (f instanceof FlashCrowd fc) {
        rate *= flashCrowdMultiple(fc, nowMs / 1000 - fc.startS());
      } else if (f instanceof MixShift m) {
        mix = m.weights();
      }
    }
    double r = rate;
    if (r != pushedRate) {
      pushedRate = r;
      attempt("rate factor", () -> target.setRateFactor(r));
    }
    Map<String, Double> m = mix;
    if (!Objects.equals(m, pushedMix)) {
      pushedMix = m;
      attempt("request mix", () -> target.setMix(m));
    }
  }

  /** The simulator's step: the curve at the middle of the {@code stepS} step holding now. */
  static double flashCrowdMultiple(FlashCrowd f, double sinceStartS) {
    if (sinceStartS < 0 || sinceStartS >= f.durationS()) {
      return 1;
    }
    int k = (int) Math.floor(sinceStartS / f.stepS());
    double fromS = k * f.stepS();
    double toS = Math.min(f.durationS(), fromS + f.stepS());
    return f.multipleAt((fromS + toS) / 2);
  }

  private Assault memoryAssault(String service, MemoryLeak m) {
    double heap = Math.max(1, target.heapMaxMiB(service));
    double increment = Math.min(1, Math.max(0.01, m.leakMiBPerS() / (heap / 2)));
    int holdMs = (int) Math.min(Integer.MAX_VALUE, Math.round(m.durationS() * 1000));
    return Assault.memory(increment, 0.95, 1000, Math.max(1000, holdMs));
  }

  private void attempt(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      problems.add(what + ": " + e.getMessage());
    }
  }
}
