package dev.trimtab.faults.live;

import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A live target that records every lever pulled, in order, and keeps the effective state. */
final class FakeTarget implements LiveTarget {
  final Topology topology;
  final List<String> calls = new ArrayList<>();
  final Map<String, Double> cpuFactor = new HashMap<>();
  final Map<String, Assault> assault = new HashMap<>();
  final Map<String, Boolean> frozen = new HashMap<>();
  final Map<String, Double> cpuLimit = new HashMap<>();
  final Map<String, Double> memoryLimit = new HashMap<>();
  final Map<String, Integer> killed = new HashMap<>();
  double rateFactor = 1;
  Map<String, Double> mix;
  RuntimeException failAssaults;

  FakeTarget(Topology topology) {
    this.topology = topology;
    for (ServiceSpec s : topology.services()) {
      cpuLimit.put(s.name(), s.cpuLimitCores());
      memoryLimit.put(s.name(), s.memoryLimitMiB());
    }
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public void setAssault(String service, Assault a) {
    calls.add("assault " + service + " " + (a.any() ? "on" : "off"));
    if (failAssaults != null) {
      throw failAssaults;
    }
    assault.put(service, a);
  }

  @Override
  public void setCpuCapacityFactor(String service, double factor) {
    calls.add("cpu " + service + " " + factor);
    cpuFactor.put(service, factor);
  }

  @Override
  public void setFrozen(String service, boolean f) {
    calls.add((f ? "freeze " : "thaw ") + service);
    frozen.put(service, f);
  }

  @Override
  public int killReplicas(String service, int replicas) {
    calls.add("kill " + service + " " + replicas);
    killed.merge(service, replicas, Integer::sum);
    return replicas;
  }

  @Override
  public double heapMaxMiB(String service) {
    return 100;
  }

  @Override
  public void setRateFactor(double factor) {
    calls.add("rate " + factor);
    rateFactor = factor;
  }

  @Override
  public void setMix(Map<String, Double> weights) {
    calls.add("mix " + weights);
    mix = weights;
  }

  @Override
  public List<String> services() {
    return topology.services().stream().map(ServiceSpec::name).toList();
  }

  @Override
  public int replicas(String service) {
    return 1;
  }

  @Override
  public double cpuLimitCores(String service) {
    return cpuLimit.get(service);
  }

  @Override
  public double memoryLimitMiB(String service) {
    return memoryLimit.get(service);
  }

  @Override
  public void setReplicas(String service, int replicas) {
    calls.add("replicas " + service + " " + replicas);
  }

  @Override
  public void setCpuLimit(String service, double cores) {
    calls.add("cpu-limit " + service + " " + cores);
    cpuLimit.put(service, cores);
  }

  @Override
  public void setMemoryLimit(String service, double mib) {
    calls.add("memory-limit " + service + " " + mib);
    memoryLimit.put(service, mib);
  }

  /** Every service back to no fault: factor 1, no assault, not frozen, normal rate and mix. */
  boolean clean() {
    for (ServiceSpec s : topology.services()) {
      if (cpuFactor.getOrDefault(s.name(), 1.0) != 1.0
          || assault.getOrDefault(s.name(), Assault.NONE).any()
          || frozen.getOrDefault(s.name(), false)) {
        return false;
      }
    }
    return rateFactor == 1 && mix == null;
  }
}
