package dev.trimtab.env.sim;

import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The call trees of a topology flattened into index arrays, so that the event loop follows a
 * request with array reads instead of walking records.
 *
 * <p>Node {@code n} runs on service {@code nodeService[n]}; its steps are {@code nodeStepStart[n]
 * .. nodeStepStart[n] + nodeStepCount[n] - 1}; step {@code s} calls the nodes {@code
 * stepChildren[stepChildStart[s] .. stepChildStart[s] + stepChildCount[s] - 1]} in parallel.
 */
final class CompiledTopology {
  final Topology topology;
  final int[] nodeService;
  final String[] nodeOperation;
  final DemandSampler[] nodeDemand;
  final double[] nodePerPromptTokenMs;
  final double[] nodePerOutputTokenMs;
  final double[] nodeProbability;
  final int[] nodeStepStart;
  final int[] nodeStepCount;
  final int[] stepChildStart;
  final int[] stepChildCount;
  final int[] stepChildren;
  final int[] endpointRoot;
  final double[] endpointCumulativeWeight;

  private final IntList services = new IntList();
  private final List<String> operations = new ArrayList<>();
  private final List<DemandSampler> demands = new ArrayList<>();
  private final List<Double> perPrompt = new ArrayList<>();
  private final List<Double> perOutput = new ArrayList<>();
  private final List<Double> probabilities = new ArrayList<>();
  private final IntList stepStarts = new IntList();
  private final IntList stepCounts = new IntList();
  private final IntList childStarts = new IntList();
  private final IntList childCounts = new IntList();
  private final IntList children = new IntList();

  CompiledTopology(Topology topology, Map<String, Double> mixOverride) {
    this.topology = topology;
    List<EndpointSpec> endpoints = topology.endpoints();
    endpointRoot = new int[endpoints.size()];
    for (int e = 0; e < endpoints.size(); e++) {
      endpointRoot[e] = compile(endpoints.get(e).root());
    }
    nodeService = services.toArray();
    nodeOperation = operations.toArray(new String[0]);
    nodeDemand = demands.toArray(new DemandSampler[0]);
    nodePerPromptTokenMs = perPrompt.stream().mapToDouble(Double::doubleValue).toArray();
    nodePerOutputTokenMs = perOutput.stream().mapToDouble(Double::doubleValue).toArray();
    nodeProbability = probabilities.stream().mapToDouble(Double::doubleValue).toArray();
    nodeStepStart = stepStarts.toArray();
    nodeStepCount = stepCounts.toArray();
    stepChildStart = childStarts.toArray();
    stepChildCount = childCounts.toArray();
    stepChildren = children.toArray();
    endpointCumulativeWeight = cumulativeWeights(endpoints, mixOverride);
  }

  /** Cumulative weights for a mix given by endpoint name (unknown names are rejected). */
  double[] cumulativeWeights(Map<String, Double> mix) {
    for (String name : mix.keySet()) {
      if (topology.endpoints().stream().noneMatch(e -> e.name().equals(name))) {
        throw new IllegalArgumentException(
            "no endpoint '"
                + name
                + "' in topology "
                + topology.name()
                + "; known: "
                + topology.endpoints().stream().map(EndpointSpec::name).toList());
      }
    }
    return cumulativeWeights(topology.endpoints(), mix);
  }

  int nodeCount() {
    return nodeService.length;
  }

  int endpointCount() {
    return endpointRoot.length;
  }

  /**
   * Picks an endpoint for a uniform draw {@code u} in [0, 1): the first whose cumulative weight
   * exceeds {@code u} times the total. A linear scan: topologies have a handful of endpoints, and
   * it beats a binary search there.
   */
  int endpointFor(double u) {
    double[] cumulative = endpointCumulativeWeight;
    int last = cumulative.length - 1;
    double target = u * cumulative[last];
    for (int e = 0; e < last; e++) {
      if (target < cumulative[e]) {
        return e;
      }
    }
    return last;
  }

  private int compile(CallNode node) {
    int service = topology.serviceIndex(node.service());
    if (service < 0) {
      throw new IllegalArgumentException("call to unknown service " + node.service());
    }
    ServiceSpec spec = topology.services().get(service);
    int index = services.size();
    services.add(service);
    operations.add(node.operation());
    demands.add(new DemandSampler(spec.operation(node.operation()).demandCoreMs()));
    perPrompt.add(spec.operation(node.operation()).perPromptTokenMs());
    perOutput.add(spec.operation(node.operation()).perOutputTokenMs());
    probabilities.add(node.probability());
    stepStarts.add(0);
    stepCounts.add(node.steps().size());
    int[] stepIndexes = new int[node.steps().size()];
    int[][] childIndexes = new int[node.steps().size()][];
    for (int s = 0; s < node.steps().size(); s++) {
      List<CallNode> parallel = node.steps().get(s).parallel();
      childIndexes[s] = new int[parallel.size()];
      for (int c = 0; c < parallel.size(); c++) {
        childIndexes[s][c] = compile(parallel.get(c));
      }
    }
    for (int s = 0; s < stepIndexes.length; s++) {
      stepIndexes[s] = childStarts.size();
      childStarts.add(children.size());
      childCounts.add(childIndexes[s].length);
      for (int child : childIndexes[s]) {
        children.add(child);
      }
    }
    stepStarts.set(index, stepIndexes.length == 0 ? 0 : stepIndexes[0]);
    return index;
  }

  private static double[] cumulativeWeights(
      List<EndpointSpec> endpoints, Map<String, Double> mixOverride) {
    double[] cumulative = new double[endpoints.size()];
    double sum = 0;
    for (int e = 0; e < endpoints.size(); e++) {
      String name = endpoints.get(e).name();
      double weight =
          mixOverride.isEmpty() ? endpoints.get(e).weight() : mixOverride.getOrDefault(name, 0.0);
      sum += weight;
      cumulative[e] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException(
          "the request mix gives no weight to any endpoint of "
              + endpoints.stream().map(EndpointSpec::name).toList());
    }
    return cumulative;
  }

  /** A growable int array; tiny, so that compilation needs no boxing-heavy lists. */
  static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    void set(int index, int value) {
      values[index] = value;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
