package dev.trimtab.faults.inject;

import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.spec.GpuThrottle;
import dev.trimtab.faults.spec.Partition;
import dev.trimtab.faults.spec.ServiceFault;
import dev.trimtab.faults.spec.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Turns a target selector into service names against a topology: exact names must exist, patterns
 * must match something, and {@code one}, {@code fixed} and {@code fixed-percent} draw from {@code
 * rng} without replacement. {@code fixed} larger than the matches takes them all, as Chaos Mesh
 * does; {@code fixed-percent} rounds down but takes at least one.
 */
public final class TargetResolver {
  private TargetResolver() {}

  public static List<String> resolve(
      ServiceFault fault, String where, Topology topology, RandomGenerator rng) {
    Target target = fault.target();
    List<String> known = topology.services().stream().map(ServiceSpec::name).toList();
    for (String entry : target.services()) {
      boolean matched = known.stream().anyMatch(Target.all(entry)::matches);
      if (!matched) {
        throw new IllegalArgumentException(
            where
                + ".target.services: "
                + (Target.isPattern(entry) ? "pattern '" : "no service '")
                + entry
                + (Target.isPattern(entry) ? "' matches no service" : "'")
                + " in topology "
                + topology.name()
                + "; known: "
                + known);
      }
    }
    List<String> candidates = new ArrayList<>();
    for (ServiceSpec s : topology.services()) {
      if (target.selects(s.name(), s.labels()) && eligible(fault, s)) {
        candidates.add(s.name());
      }
    }
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          where + ".target: no eligible service (" + fault.kind().yamlName() + ") among " + known);
    }
    return pick(candidates, count(target, candidates.size()), rng);
  }

  private static boolean eligible(ServiceFault fault, ServiceSpec s) {
    if (fault instanceof GpuThrottle) {
      return s.kind() == ServiceKind.GPU;
    }
    if (fault instanceof Partition p) {
      return !s.name().equals(p.to());
    }
    return true;
  }

  private static int count(Target target, int matches) {
    return switch (target.mode()) {
      case ONE -> 1;
      case ALL -> matches;
      case FIXED -> Math.min(target.value(), matches);
      case FIXED_PERCENT -> Math.max(1, matches * target.value() / 100);
    };
  }

  /** {@code k} of {@code candidates} drawn without replacement, kept in their original order. */
  private static List<String> pick(List<String> candidates, int k, RandomGenerator rng) {
    if (k >= candidates.size()) {
      return List.copyOf(candidates);
    }
    int[] index = new int[candidates.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(index.length - i);
      int swap = index[i];
      index[i] = index[j];
      index[j] = swap;
    }
    int[] chosen = java.util.Arrays.copyOf(index, k);
    java.util.Arrays.sort(chosen);
    List<String> out = new ArrayList<>(k);
    for (int i : chosen) {
      out.add(candidates.get(i));
    }
    return out;
  }
}
