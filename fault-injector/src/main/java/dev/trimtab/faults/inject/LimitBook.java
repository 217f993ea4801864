package dev.trimtab.faults.inject;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.spec.LimitResource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The limits each service had before a misconfiguration: the topology's at first, then whatever the
 * last observed interval showed, except while a misconfiguration holds the limit (then the observed
 * value is the wrong one, and the value from before is kept).
 */
public final class LimitBook {
  private final Map<String, Double> cpuCores = new HashMap<>();
  private final Map<String, Double> memoryMiB = new HashMap<>();
  private final Set<String> held = new HashSet<>();

  public LimitBook(Topology topology) {
    for (ServiceSpec s : topology.services()) {
      cpuCores.put(s.name(), s.cpuLimitCores());
      memoryMiB.put(s.name(), s.memoryLimitMiB());
    }
  }

  public void observe(IntervalMetrics metrics) {
    for (ServiceMetrics s : metrics.services()) {
      if (!held.contains(key(s.service(), LimitResource.CPU))) {
        cpuCores.put(s.service(), s.cpuLimitCores());
      }
      if (!held.contains(key(s.service(), LimitResource.MEMORY))) {
        memoryMiB.put(s.service(), s.memoryLimitMiB());
      }
    }
  }

  /** The limit to restore later; marks it held until {@link #release}. */
  public double hold(String service, LimitResource resource) {
    held.add(key(service, resource));
    return (resource == LimitResource.CPU ? cpuCores : memoryMiB).get(service);
  }

  public void release(String service, LimitResource resource) {
    held.remove(key(service, resource));
  }

  private static String key(String service, LimitResource resource) {
    return resource + ":" + service;
  }
}
