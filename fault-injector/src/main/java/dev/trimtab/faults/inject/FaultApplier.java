package dev.trimtab.faults.inject;

import dev.trimtab.env.sim.Perturbation;
import dev.trimtab.env.sim.Perturbations;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.faults.spec.BandwidthLimit;
import dev.trimtab.faults.spec.CpuContention;
import dev.trimtab.faults.spec.DiskIoContention;
import dev.trimtab.faults.spec.ErrorInjection;
import dev.trimtab.faults.spec.FaultVisitor;
import dev.trimtab.faults.spec.FlashCrowd;
import dev.trimtab.faults.spec.GpuThrottle;
import dev.trimtab.faults.spec.Hang;
import dev.trimtab.faults.spec.LatencyInjection;
import dev.trimtab.faults.spec.LimitResource;
import dev.trimtab.faults.spec.LlcContention;
import dev.trimtab.faults.spec.MemoryBandwidthContention;
import dev.trimtab.faults.spec.MemoryLeak;
import dev.trimtab.faults.spec.MisconfiguredLimit;
import dev.trimtab.faults.spec.MixShift;
import dev.trimtab.faults.spec.NetworkDelay;
import dev.trimtab.faults.spec.NetworkLoss;
import dev.trimtab.faults.spec.Partition;
import dev.trimtab.faults.spec.PayloadShift;
import dev.trimtab.faults.spec.RateShift;
import dev.trimtab.faults.spec.ServiceCrash;
import dev.trimtab.faults.spec.TraceSwap;
import java.util.function.Function;

/**
 * Starts one fault through the perturbation hooks, recording in its {@link ActiveFault} what to
 * undo. Runs inside a {@link Simulation#at} action at the fault's start time.
 */
final class FaultApplier implements FaultVisitor<Void> {
  private final Simulation sim;
  private final Perturbations hooks;
  private final ActiveFault fault;
  private final LimitBook limits;

  FaultApplier(Simulation sim, ActiveFault fault, LimitBook limits) {
    this.sim = sim;
    this.hooks = sim.perturbations();
    this.fault = fault;
    this.limits = limits;
  }

  private Void each(Function<String, Perturbation> hook) {
    for (String service : fault.truth.services()) {
      fault.add(hook.apply(service));
    }
    return null;
  }

  @Override
  public Void visit(CpuContention f) {
    return each(s -> hooks.cpuContention(s, f.capacityFraction()));
  }

  @Override
  public Void visit(MemoryBandwidthContention f) {
    return each(s -> hooks.memoryBandwidthSlowdown(s, f.slowdownFactor()));
  }

  @Override
  public Void visit(LlcContention f) {
    return each(s -> hooks.llcSlowdown(s, f.slowdownFactor()));
  }

  @Override
  public Void visit(DiskIoContention f) {
    return each(s -> hooks.diskIoSlowdown(s, f.slowdownFactor()));
  }

  @Override
  public Void visit(NetworkDelay f) {
    return each(
        s ->
            f.to() == null
                ? hooks.networkDelay(s, f.delayMs(), f.jitterMs())
                : hooks.networkDelay(s, f.to(), f.delayMs(), f.jitterMs()));
  }

  @Override
  public Void visit(NetworkLoss f) {
    return each(
        s ->
            f.to() == null
                ? hooks.networkLoss(s, f.probability())
                : hooks.networkLoss(s, f.to(), f.probability()));
  }

  @Override
  public Void visit(BandwidthLimit f) {
    return each(s -> hooks.bandwidthLimit(s, f.rateMbitPerS(), f.payloadKiB()));
  }

  @Override
  public Void visit(Partition f) {
    return each(s -> hooks.partition(s, f.to()));
  }

  @Override
  public Void visit(ServiceCrash f) {
    for (String service : fault.truth.services()) {
      hooks.crash(service, f.replicas());
    }
    return null;
  }

  @Override
  public Void visit(Hang f) {
    return each(hooks::hang);
  }

  @Override
  public Void visit(MemoryLeak f) {
    return each(s -> hooks.memoryLeak(s, f.leakMiBPerS()));
  }

  @Override
  public Void visit(LatencyInjection f) {
    return each(s -> hooks.latency(s, f.latencyMs()));
  }

  @Override
  public Void visit(ErrorInjection f) {
    return each(s -> hooks.errorRate(s, f.probability()));
  }

  @Override
  public Void visit(GpuThrottle f) {
    return each(s -> hooks.gpuThrottle(s, f.capacityFraction()));
  }

  @Override
  public Void visit(MisconfiguredLimit f) {
    for (String service : fault.truth.services()) {
      double previous = limits.hold(service, f.resource());
      fault.onEnd(
          () -> {
            limits.release(service, f.resource());
            setLimit(service, f.resource(), previous);
          });
      setLimit(service, f.resource(), f.wrongLimit());
    }
    return null;
  }

  private void setLimit(String service, LimitResource resource, double value) {
    if (resource == LimitResource.CPU) {
      sim.setCpuLimit(service, value);
    } else {
      sim.setMemoryLimit(service, value);
    }
  }

  @Override
  public Void visit(PayloadShift f) {
    // Token-priced work grows through the requests' token counts; a target whose work does not
    // depend on tokens takes the multiplier on its service time instead.
    fault.add(hooks.tokenMultiplier(f.multiplier()));
    return each(
        s ->
            sim.topology().service(s).operations().stream().anyMatch(o -> o.tokenDependent())
                ? hooks.tokenMultiplier(1)
                : hooks.memoryBandwidthSlowdown(s, f.multiplier()));
  }

  @Override
  public Void visit(FlashCrowd f) {
    flashCrowdStep(f, 0);
    return null;
  }

  /** Holds step {@code k}'s multiple (the curve at the step's midpoint) and schedules the next. */
  private void flashCrowdStep(FlashCrowd f, int k) {
    if (fault.ended()) {
      return;
    }
    double fromS = k * f.stepS();
    double toS = Math.min(f.durationS(), fromS + f.stepS());
    double multiple = f.multipleAt((fromS + toS) / 2);
    fault.replaceAll(multiple == 1 ? null : hooks.rateMultiplier(multiple));
    if (toS < f.durationS()) {
      sim.at(fault.truth.startMs() + toS * 1000, () -> flashCrowdStep(f, k + 1));
    }
  }

  @Override
  public Void visit(RateShift f) {
    fault.add(hooks.rateMultiplier(f.factor()));
    return null;
  }

  @Override
  public Void visit(MixShift f) {
    fault.add(hooks.mixShift(f.weights()));
    return null;
  }

  @Override
  public Void visit(TraceSwap f) {
    fault.add(hooks.rateMultiplier(f.rateMultiple()));
    if (!f.mix().isEmpty()) {
      fault.add(hooks.mixShift(f.mix()));
    }
    return null;
  }
}
