package dev.trimtab.agents.baselines;

import dev.trimtab.env.control.ClusterActuator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cluster that only remembers settings and the calls that changed them. */
final class FakeCluster implements ClusterActuator {
  private final Map<String, Integer> replicas = new LinkedHashMap<>();
  private final Map<String, Double> cpu = new LinkedHashMap<>();
  private final Map<String, Double> memory = new LinkedHashMap<>();
  final List<String> calls = new ArrayList<>();

  FakeCluster add(String service, int replicas, double cpuCores, double memoryMiB) {
    this.replicas.put(service, replicas);
    cpu.put(service, cpuCores);
    memory.put(service, memoryMiB);
    return this;
  }

  @Override
  public List<String> services() {
    return List.copyOf(replicas.keySet());
  }

  @Override
  public int replicas(String service) {
    return replicas.get(service);
  }

  @Override
  public double cpuLimitCores(String service) {
    return cpu.get(service);
  }

  @Override
  public double memoryLimitMiB(String service) {
    return memory.get(service);
  }

  @Override
  public void setReplicas(String service, int replicas) {
    calls.add("replicas " + service + " " + replicas);
    this.replicas.put(service, replicas);
  }

  @Override
  public void setCpuLimit(String service, double cpuLimitCores) {
    calls.add("cpu " + service + " " + cpuLimitCores);
    cpu.put(service, cpuLimitCores);
  }

  @Override
  public void setMemoryLimit(String service, double memoryLimitMiB) {
    calls.add("memory " + service + " " + memoryLimitMiB);
    memory.put(service, memoryLimitMiB);
  }
}
