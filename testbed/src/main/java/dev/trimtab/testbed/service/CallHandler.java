package dev.trimtab.testbed.service;

import dev.trimtab.env.sim.DemandSampler;
import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.OperationSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One call's life in this service, the simulator's semantics for real: the operation's CPU burst (a
 * demand drawn from its distribution, run on the {@link CpuStation}, touching the {@link
 * WorkingSet}), then the node's steps in order, the calls of a step at once, each made with its
 * probability. A step ends when its last call has returned; a failed call fails this one at once,
 * without waiting for its siblings.
 */
public final class CallHandler {
  private final Topology topology;
  private final ServiceSpec service;
  private final CallTreeIndex index;
  private final CpuStation station;
  private final WorkingSet workingSet;
  private final Downstream downstream;
  private final ServiceStats stats;
  private final Map<String, DemandSampler> demands = new HashMap<>();
  private final SplittableRandom streams;

  public CallHandler(
      ServiceSettings settings,
      CpuStation station,
      WorkingSet workingSet,
      Downstream downstream,
      ServiceStats stats) {
    this.topology = settings.topology();
    this.service = settings.service();
    this.index = new CallTreeIndex(topology);
    this.station = station;
    this.workingSet = workingSet;
    this.downstream = downstream;
    this.stats = stats;
    for (OperationSpec op : service.operations()) {
      demands.put(op.name(), new DemandSampler(op.demandCoreMs()));
    }
    this.streams =
        new SplittableRandom(
            settings.seed() * 0x9E3779B97F4A7C15L
                ^ (31L * topology.serviceIndex(service.name()) + settings.replica()));
  }

  /** The call at {@code nodeId} of {@code endpoint}'s tree if this service serves it, else null. */
  public CallNode node(String endpoint, int nodeId) {
    CallNode node = index.node(endpoint, nodeId);
    return node != null && node.service().equals(service.name()) ? node : null;
  }

  /** Runs the call; the future never fails, it completes with the call's outcome. */
  public CompletableFuture<Outcome> handle(Context context, String endpoint, CallNode node) {
    stats.arrived();
    SplittableRandom rng;
    synchronized (streams) {
      rng = streams.split();
    }
    CompletableFuture<Void> burst;
    try {
      burst = station.submit(context.wrap(() -> burst(node.operation(), rng)));
    } catch (RejectedExecutionException e) {
      stats.ended(Outcome.DROPPED);
      return CompletableFuture.completedFuture(Outcome.DROPPED);
    }
    return burst
        .handle((ok, error) -> error == null)
        .thenCompose(ok -> ok ? steps(context, endpoint, node, 0, rng) : done(Outcome.ERRORED))
        .thenApply(
            outcome -> {
              stats.ended(outcome);
              return outcome;
            });
  }

  private void burst(String operation, SplittableRandom rng) {
    long demandNanos = Math.round(demands.get(operation).sample(rng) * 1e6);
    long start = CpuBurner.threadCpuNanos();
    workingSet.touch(rng);
    long touched = CpuBurner.threadCpuNanos() - start;
    long used = touched + CpuBurner.burn(Math.max(0, demandNanos - touched));
    stats.burst(operation, used);
  }

  private CompletableFuture<Outcome> steps(
      Context context, String endpoint, CallNode node, int step, SplittableRandom rng) {
    if (step == node.steps().size()) {
      return done(Outcome.OK);
    }
    List<CompletableFuture<Outcome>> calls = new ArrayList<>();
    for (CallNode child : node.steps().get(step).parallel()) {
      if (child.probability() >= 1 || rng.nextDouble() < child.probability()) {
        double timeoutMs = topology.service(child.service()).timeoutMs();
        calls.add(downstream.call(context, child.service(), endpoint, index.id(child), timeoutMs));
      }
    }
    return firstFailureOrAll(calls)
        .thenCompose(
            outcome ->
                outcome == Outcome.OK
                    ? steps(context, endpoint, node, step + 1, rng)
                    : done(outcome));
  }

  /** OK once every call is OK; the first failure as soon as one fails. */
  static CompletableFuture<Outcome> firstFailureOrAll(List<CompletableFuture<Outcome>> calls) {
    if (calls.isEmpty()) {
      return done(Outcome.OK);
    }
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    AtomicInteger left = new AtomicInteger(calls.size());
    for (CompletableFuture<Outcome> call : calls) {
      call.thenAccept(
          outcome -> {
            if (outcome != Outcome.OK) {
              result.complete(outcome);
            } else if (left.decrementAndGet() == 0) {
              result.complete(Outcome.OK);
            }
          });
    }
    return result;
  }

  private static CompletableFuture<Outcome> done(Outcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
