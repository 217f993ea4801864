package dev.trimtab.env.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hooks that faults drive. Each returns a {@link Perturbation} that lasts until removed;
 * perturbations on one target combine (factors multiply, delays add, independent losses and error
 * chances compound). All randomness they need comes from the run's {@code perturbations} stream,
 * drawn only while one is active, so an unperturbed run is unchanged by their existence.
 */
public final class Perturbations {
  private final Cluster cluster;
  private final List<Handle> active = new ArrayList<>();

  Perturbations(Cluster cluster) {
    this.cluster = cluster;
  }

  /** The service gets only {@code capacityFraction} of its CPU limit (noisy neighbours). */
  public Perturbation cpuContention(String service, double capacityFraction) {
    requireRange("capacityFraction", capacityFraction, 0, 1, false);
    return onService(
        service,
        "cpu-contention x" + capacityFraction,
        e -> e.cpuCapacityFactor *= capacityFraction);
  }

  /** Every CPU burst takes {@code factor} times longer (memory-bandwidth contention). */
  public Perturbation memoryBandwidthSlowdown(String service, double factor) {
    return slowdown(service, "memory-bandwidth", factor);
  }

  /** Every CPU burst takes {@code factor} times longer (last-level-cache thrashing). */
  public Perturbation llcSlowdown(String service, double factor) {
    return slowdown(service, "llc", factor);
  }

  /** Every CPU burst takes {@code factor} times longer (disk I/O contention). */
  public Perturbation diskIoSlowdown(String service, double factor) {
    return slowdown(service, "disk-io", factor);
  }

  private Perturbation slowdown(String service, String kind, double factor) {
    requireRange("factor", factor, 1, Double.MAX_VALUE, true);
    return onService(service, kind + " x" + factor, e -> e.serviceTimeFactor *= factor);
  }

  /** Calls into the service take {@code addedMs} longer (± normal jitter, never below zero). */
  public Perturbation networkDelay(String service, double addedMs, double jitterMs) {
    requireDelay(addedMs, jitterMs);
    return onService(service, "network-delay +" + addedMs + "ms", delay(addedMs, jitterMs));
  }

  /** Calls from {@code caller} to {@code callee} take {@code addedMs} longer. */
  public Perturbation networkDelay(String caller, String callee, double addedMs, double jitterMs) {
    requireDelay(addedMs, jitterMs);
    return onEdge(caller, callee, "network-delay +" + addedMs + "ms", delay(addedMs, jitterMs));
  }

  /**
   * Each call into the service is lost with {@code probability}: no reply, the caller times out.
   */
  public Perturbation networkLoss(String service, double probability) {
    requireRange("probability", probability, 0, 1, true);
    return onService(service, "network-loss p=" + probability, e -> e.addLoss(probability));
  }

  /** Each call from {@code caller} to {@code callee} is lost with {@code probability}. */
  public Perturbation networkLoss(String caller, String callee, double probability) {
    requireRange("probability", probability, 0, 1, true);
    return onEdge(caller, callee, "network-loss p=" + probability, e -> e.addLoss(probability));
  }

  /** No call gets through between the two services, in either direction. */
  public Perturbation partition(String a, String b) {
    Perturbation there = onEdge(a, b, "partition", e -> e.addLoss(1));
    Perturbation back = onEdge(b, a, "partition", e -> e.addLoss(1));
    return combined("partition " + a + " <-> " + b, there, back);
  }

  /**
   * The link into the service carries {@code mbitPerS}; each call's request is {@code payloadKiB}
   * long and waits for the link (a FIFO queue), so a saturated link adds queueing delay.
   */
  public Perturbation bandwidthLimit(String service, double mbitPerS, double payloadKiB) {
    requireRange("mbitPerS", mbitPerS, 0, Double.MAX_VALUE, false);
    requireRange("payloadKiB", payloadKiB, 0, Double.MAX_VALUE, false);
    return onService(
        service,
        "bandwidth " + mbitPerS + "Mbit/s",
        e -> {
          e.bandwidthMbitPerS =
              e.bandwidthMbitPerS == 0 ? mbitPerS : Math.min(e.bandwidthMbitPerS, mbitPerS);
          e.payloadKiB = Math.max(e.payloadKiB, payloadKiB);
        });
  }

  /** Each call ends in an error after its CPU burst with {@code probability}. */
  public Perturbation errorRate(String service, double probability) {
    requireRange("probability", probability, 0, 1, true);
    return onService(service, "error-rate p=" + probability, e -> e.addError(probability));
  }

  /** The service accepts calls and never answers them; callers time out. */
  public Perturbation hang(String service) {
    return onService(service, "hang", e -> e.hung = true);
  }

  /** The working set grows by {@code mibPerS} each simulated second until OOM; restarts free it. */
  public Perturbation memoryLeak(String service, double mibPerS) {
    requireRange("mibPerS", mibPerS, 0, Double.MAX_VALUE, false);
    return onService(service, "memory-leak " + mibPerS + "MiB/s", e -> e.leakMiBPerS += mibPerS);
  }

  /**
   * The service's GPUs run no faster than {@code clockFraction} of their top SM clock (thermal or
   * power-cap throttling); a clock set below the cap is unaffected.
   */
  public Perturbation gpuThrottle(String service, double clockFraction) {
    requireRange("clockFraction", clockFraction, 0, 1, false);
    if (cluster.services[serviceIndex(service)].gpuModel == null) {
      throw new IllegalArgumentException("service '" + service + "' has no GPU to throttle");
    }
    return onService(
        service,
        "gpu-throttle x" + clockFraction,
        e -> e.gpuClockCapFraction = Math.min(e.gpuClockCapFraction, clockFraction));
  }

  /**
   * Each call stays {@code addedMs} longer inside the service after its work, holding no CPU (a
   * sleep in the handler, as Chaos Monkey's latency assault does): its span grows, the network does
   * not change.
   */
  public Perturbation latency(String service, double addedMs) {
    requireRange("addedMs", addedMs, 0, Double.MAX_VALUE, false);
    return onService(service, "latency +" + addedMs + "ms", e -> e.handlerDelayMs += addedMs);
  }

  /**
   * Requests carry {@code factor} times the workload's prompt and output tokens (payload or token
   * shift), so token-dependent work grows with it.
   */
  public Perturbation tokenMultiplier(double factor) {
    requireRange("factor", factor, 0, Double.MAX_VALUE, false);
    return add(new Handle("tokens x" + factor, Target.TOKENS, -1, -1, null, factor, null));
  }

  /** Requests arrive {@code factor} times as often as the workload says (rate shift). */
  public Perturbation rateMultiplier(double factor) {
    requireRange("factor", factor, 0, Double.MAX_VALUE, false);
    return add(new Handle("rate x" + factor, Target.RATE, -1, -1, null, factor, null));
  }

  /** Replaces the request mix with these endpoint weights (mix shift). */
  public Perturbation mixShift(Map<String, Double> weights) {
    double[] cumulative = cluster.compiled.cumulativeWeights(weights);
    return add(new Handle("mix " + weights, Target.MIX, -1, -1, null, 1, cumulative));
  }

  /** Kills {@code count} ready replicas of the service now (a pod kill); each restarts later. */
  public void crash(String service, int count) {
    ServiceRuntime s = cluster.services[serviceIndex(service)];
    int killed = 0;
    for (Replica r : List.copyOf(s.replicas)) {
      if (killed < count && r.state == Replica.State.READY) {
        cluster.crash(r);
        killed++;
      }
    }
  }

  /** What is active now, for ground truth and debugging. */
  public List<Perturbation> active() {
    return List.copyOf(active);
  }

  private enum Target {
    SERVICE,
    EDGE,
    RATE,
    TOKENS,
    MIX
  }

  private Perturbation onService(String service, String description, Consumer<Effects> effect) {
    int s = serviceIndex(service);
    return add(new Handle(description + " on " + service, Target.SERVICE, -1, s, effect, 1, null));
  }

  private Perturbation onEdge(
      String caller, String callee, String description, Consumer<Effects> effect) {
    int from = serviceIndex(caller);
    int to = serviceIndex(callee);
    String what = description + " on " + caller + " -> " + callee;
    return add(new Handle(what, Target.EDGE, from, to, effect, 1, null));
  }

  private Perturbation add(Handle h) {
    active.add(h);
    refresh(h);
    return h;
  }

  private void refresh(Handle changed) {
    switch (changed.target) {
      case SERVICE -> refreshService(cluster.services[changed.service]);
      case EDGE -> refreshEdge(changed.caller, changed.service);
      case RATE -> {
        double factor = 1;
        for (Handle h : active) {
          factor *= h.target == Target.RATE ? h.factor : 1;
        }
        cluster.setRateFactor(factor);
      }
      case TOKENS -> {
        double factor = 1;
        for (Handle h : active) {
          factor *= h.target == Target.TOKENS ? h.factor : 1;
        }
        cluster.setTokenFactor(factor);
      }
      case MIX -> {
        double[] mix = null;
        for (Handle h : active) {
          mix = h.target == Target.MIX ? h.mix : mix;
        }
        cluster.setMixOverride(mix);
      }
    }
  }

  private void refreshService(ServiceRuntime s) {
    double nowMs = cluster.nowMs;
    s.advance(nowMs);
    s.settleLeak(nowMs);
    s.effects.reset();
    for (Handle h : active) {
      if (h.target == Target.SERVICE && h.service == s.index) {
        h.effect.accept(s.effects);
      }
    }
    s.effects.settle();
    if (s.effects.leakMiBPerS == 0) {
      s.resetLeak(nowMs);
    }
    if (s.effects.bandwidthMbitPerS == 0) {
      s.linkFreeAtMs = 0;
    }
    cluster.reshareAll(s); // contention changes the speed of calls sharing a CPU at once
    cluster.scheduleLeakCheck(s);
  }

  private void refreshEdge(int caller, int callee) {
    long key = Cluster.edgeKey(caller, callee);
    Effects e = new Effects();
    boolean any = false;
    for (Handle h : active) {
      if (h.target == Target.EDGE && h.caller == caller && h.service == callee) {
        h.effect.accept(e);
        any = true;
      }
    }
    if (any) {
      e.settle();
      cluster.edgeEffects.put(key, e);
    } else {
      cluster.edgeEffects.remove(key);
    }
  }

  private int serviceIndex(String service) {
    int s = cluster.compiled.topology.serviceIndex(service);
    if (s < 0) {
      throw new IllegalArgumentException(
          "no service '" + service + "' in topology " + cluster.compiled.topology.name());
    }
    return s;
  }

  private static Consumer<Effects> delay(double addedMs, double jitterMs) {
    return e -> {
      e.addedDelayMs += addedMs;
      e.delayJitterMs = Math.sqrt(e.delayJitterMs * e.delayJitterMs + jitterMs * jitterMs);
    };
  }

  private static void requireDelay(double addedMs, double jitterMs) {
    requireRange("addedMs", addedMs, 0, Double.MAX_VALUE, true);
    requireRange("jitterMs", jitterMs, 0, Double.MAX_VALUE, true);
  }

  private static void requireRange(
      String name, double value, double low, double high, boolean lowInclusive) {
    boolean ok = (lowInclusive ? value >= low : value > low) && value <= high;
    if (!ok || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          name
              + " must be in "
              + (lowInclusive ? "[" : "(")
              + low
              + ", "
              + high
              + "], got "
              + value);
    }
  }

  private static Perturbation combined(String description, Perturbation... parts) {
    return new Perturbation() {
      @Override
      public String describe() {
        return description;
      }

      @Override
      public boolean active() {
        return parts[0].active();
      }

      @Override
      public void remove() {
        for (Perturbation p : parts) {
          p.remove();
        }
      }
    };
  }

  private final class Handle implements Perturbation {
    final String description;
    final Target target;
    final int caller;
    final int service;
    final Consumer<Effects> effect;
    final double factor;
    final double[] mix;
    boolean isActive = true;

    Handle(
        String description,
        Target target,
        int caller,
        int service,
        Consumer<Effects> effect,
        double factor,
        double[] mix) {
      this.description = description;
      this.target = target;
      this.caller = caller;
      this.service = service;
      this.effect = effect;
      this.factor = factor;
      this.mix = mix;
    }

    @Override
    public String describe() {
      return description;
    }

    @Override
    public boolean active() {
      return isActive;
    }

    @Override
    public void remove() {
      if (isActive) {
        isActive = false;
        active.remove(this);
        refresh(this);
      }
    }
  }
}
