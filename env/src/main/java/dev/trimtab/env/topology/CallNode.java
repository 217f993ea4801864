package dev.trimtab.env.topology;

import java.util.List;
import java.util.Objects;

/**
 * One call in an endpoint's call tree: the callee runs {@code operation} (one CPU burst of its
 * demand), then runs its {@code steps} in order; a step is a group of calls made in parallel, and
 * the step ends when all of them have returned. Each call is made with its {@code probability}.
 */
public record CallNode(String service, String operation, double probability, List<Step> steps) {

  public CallNode {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    if (!(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1], got " + probability);
    }
    steps = List.copyOf(steps);
  }

  /** A group of calls made at once; a group of one is a plain sequential call. */
  public record Step(List<CallNode> parallel) {
    public Step {
      parallel = List.copyOf(parallel);
      if (parallel.isEmpty()) {
        throw new IllegalArgumentException("a step needs at least one call");
      }
    }
  }

  /** Number of nodes in this subtree, this one included. */
  public int size() {
    int n = 1;
    for (Step step : steps) {
      for (CallNode child : step.parallel()) {
        n += child.size();
      }
    }
    return n;
  }
}
