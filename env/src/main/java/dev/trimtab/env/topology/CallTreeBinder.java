package dev.trimtab.env.topology;

import dev.trimtab.env.config.Limits;
import dev.trimtab.env.config.Range;
import dev.trimtab.env.config.YamlField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds the {@code endpoints} list and its call trees, checking that every call names a known
 * service and operation, and that each tree stays within {@link #MAX_DEPTH} and {@link #MAX_NODES}.
 */
final class CallTreeBinder {
  /** Deepest call chain allowed, the root call counting as depth 1. */
  static final int MAX_DEPTH = 32;

  /** Most calls allowed in one endpoint's tree. */
  static final int MAX_NODES = 10_000;

  /** Most endpoints in a topology. */
  static final int MAX_ENDPOINTS = 10_000;

  private static final Range PERCENTILE = Range.open(0, 100, "a percentile");
  private static final List<String> ENDPOINT_KEYS = List.of("name", "weight", "slo", "root");
  private static final List<String> SLO_KEYS = List.of("percentile", "latencyMs");
  private static final List<String> CALL_KEYS = List.of("call", "probability", "steps");
  private static final List<String> PARALLEL_KEYS = List.of("parallel");
  private static final Pattern CALL_PATTERN =
      Pattern.compile(
          TopologyLoader.DNS_LABEL.pattern() + "/" + TopologyLoader.IDENTIFIER.pattern());

  private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
  private int nodes;

  CallTreeBinder(List<ServiceSpec> serviceList) {
    for (ServiceSpec s : serviceList) {
      services.put(s.name(), s);
    }
  }

  List<EndpointSpec> bindEndpoints(YamlField list) {
    List<EndpointSpec> endpoints = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (YamlField item : list.elements(1, MAX_ENDPOINTS, "endpoints")) {
      item.requireMap(ENDPOINT_KEYS);
      YamlField nameField = item.required("name");
      String name = nameField.text(TopologyLoader.IDENTIFIER, TopologyLoader.IDENTIFIER_TEXT);
      String earlier = seen.putIfAbsent(name, item.path());
      if (earlier != null) {
        throw nameField.error(
            "duplicate endpoint name '"
                + name
                + "' (first at "
                + earlier
                + "); endpoint names must be unique");
      }
      double weight = item.optionalNumber("weight", 1.0, Limits.WEIGHT);
      Slo slo = bindSlo(item.required("slo"));
      nodes = 0;
      YamlField root = item.required("root");
      CallNode tree = bindCall(root, 1);
      if (tree.probability() != 1.0) {
        throw root.required("probability")
            .error("the root call is always made; allowed: 1.0 or leave it out");
      }
      endpoints.add(new EndpointSpec(name, weight, slo, tree));
    }
    return endpoints;
  }

  private static Slo bindSlo(YamlField slo) {
    slo.requireMap(SLO_KEYS);
    double percentile = slo.required("percentile").number(PERCENTILE);
    double latencyMs = slo.required("latencyMs").number(Limits.LATENCY_MS);
    return new Slo(percentile, latencyMs);
  }

  private CallNode bindCall(YamlField node, int depth) {
    node.requireMap(CALL_KEYS);
    if (depth > MAX_DEPTH) {
      throw node.error("call tree too deep; allowed: at most " + MAX_DEPTH + " nested calls");
    }
    if (++nodes > MAX_NODES) {
      throw node.error("too many calls in this endpoint; allowed: at most " + MAX_NODES);
    }
    YamlField callField = node.required("call");
    String call = callField.text(CALL_PATTERN, "'service/operation'");
    String serviceName = call.substring(0, call.indexOf('/'));
    String operationName = call.substring(call.indexOf('/') + 1);
    checkTarget(callField, serviceName, operationName);
    double probability = node.optionalNumber("probability", 1.0, Limits.PROBABILITY);
    List<CallNode.Step> steps = new ArrayList<>();
    if (node.has("steps")) {
      for (YamlField step : node.required("steps").elements(0, "steps")) {
        steps.add(bindStep(step, depth));
      }
    }
    return new CallNode(serviceName, operationName, probability, steps);
  }

  private CallNode.Step bindStep(YamlField step, int depth) {
    if (step.has("parallel")) {
      step.requireMap(PARALLEL_KEYS);
      List<CallNode> calls = new ArrayList<>();
      for (YamlField call : step.required("parallel").elements(1, "calls")) {
        calls.add(bindCall(call, depth + 1));
      }
      return new CallNode.Step(calls);
    }
    if (!step.has("call")) {
      step.requireMap(List.of("call", "probability", "steps", "parallel"));
      throw step.error("a step needs 'call' (one call) or 'parallel' (a list of calls)");
    }
    return new CallNode.Step(List.of(bindCall(step, depth + 1)));
  }

  private void checkTarget(YamlField callField, String serviceName, String operationName) {
    ServiceSpec service = services.get(serviceName);
    if (service == null) {
      throw callField.error(
          "unknown service '" + serviceName + "'; known services: " + services.keySet());
    }
    for (OperationSpec op : service.operations()) {
      if (op.name().equals(operationName)) {
        return;
      }
    }
    throw callField.error(
        "service '"
            + serviceName
            + "' has no operation '"
            + operationName
            + "'; its operations: "
            + service.operations().stream().map(OperationSpec::name).toList());
  }
}
