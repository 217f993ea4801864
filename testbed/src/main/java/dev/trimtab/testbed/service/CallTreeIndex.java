package dev.trimtab.testbed.service;

import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers every call of every endpoint's call tree in pre-order (the root is 0), so that a call can
 * name its place in the tree in a URL: the same operation of a service can sit in several trees, or
 * twice in one, with different children below it.
 */
public final class CallTreeIndex {
  private final Map<String, List<CallNode>> byEndpoint = new HashMap<>();
  private final Map<CallNode, Integer> ids = new IdentityHashMap<>();

  public CallTreeIndex(Topology topology) {
    for (EndpointSpec e : topology.endpoints()) {
      List<CallNode> nodes = new ArrayList<>();
      number(e.root(), nodes);
      byEndpoint.put(e.name(), List.copyOf(nodes));
    }
  }

  private void number(CallNode node, List<CallNode> nodes) {
    ids.put(node, nodes.size());
    nodes.add(node);
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        number(child, nodes);
      }
    }
  }

  /** The call at position {@code id} of {@code endpoint}'s tree, or null if there is none. */
  public CallNode node(String endpoint, int id) {
    List<CallNode> nodes = byEndpoint.get(endpoint);
    return nodes == null || id < 0 || id >= nodes.size() ? null : nodes.get(id);
  }

  /** The position of {@code node} (a node of this topology's trees) in its endpoint's tree. */
  public int id(CallNode node) {
    Integer id = ids.get(node);
    if (id == null) {
      throw new IllegalArgumentException("not a call of this topology: " + node.service());
    }
    return id;
  }
}
