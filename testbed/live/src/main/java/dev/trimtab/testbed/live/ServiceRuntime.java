package dev.trimtab.testbed.live;

import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.faults.live.Assault;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service of a running testbed: its settings as controllers and faults left them, and its
 * replicas. Guarded by the {@link Testbed}'s lock.
 */
final class ServiceRuntime {
  final ServiceSpec spec;
  int desiredReplicas;
  double cpuLimitCores;
  double memoryLimitMiB;
  double cpuCapacityFactor = 1;
  boolean frozen;
  Assault assault = Assault.NONE;
  final List<Replica> replicas = new ArrayList<>();
  int nextIndex;

  /** CPU time and calls (arrived, completed, dropped, errored) of replicas scaled away. */
  long retiredCpuNanos;

  final long[] retiredCalls = new long[4];
  private final AtomicInteger roundRobin = new AtomicInteger();
  private volatile List<URI> readyUrls = List.of();

  ServiceRuntime(ServiceSpec spec) {
    this.spec = spec;
    this.desiredReplicas = spec.replicas();
    this.cpuLimitCores = spec.cpuLimitCores();
    this.memoryLimitMiB = spec.memoryLimitMiB();
  }

  String name() {
    return spec.name();
  }

  /** Replicas that take calls. */
  List<Replica> ready() {
    List<Replica> out = new ArrayList<>();
    for (Replica r : replicas) {
      if (r.status == Replica.Status.READY) {
        out.add(r);
      }
    }
    return out;
  }

  /** Replicas asked for and not leaving (starting, ready or restarting). */
  List<Replica> live() {
    List<Replica> out = new ArrayList<>();
    for (Replica r : replicas) {
      if (r.status == Replica.Status.STARTING || r.status == Replica.Status.READY) {
        out.add(r);
      }
    }
    return out;
  }

  /** Refreshes what {@link #pick} chooses from; call after a replica's status changed. */
  void publishReady() {
    readyUrls = ready().stream().map(r -> r.base).toList();
  }

  /** The next ready replica in round-robin order, or null; safe from any thread. */
  URI pick() {
    List<URI> urls = readyUrls;
    if (urls.isEmpty()) {
      return null;
    }
    return urls.get(Math.floorMod(roundRobin.getAndIncrement(), urls.size()));
  }

  List<URI> readyUrls() {
    return readyUrls;
  }
}
