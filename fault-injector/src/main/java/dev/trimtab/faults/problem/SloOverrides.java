package dev.trimtab.faults.problem;

import dev.trimtab.env.config.Limits;
import dev.trimtab.env.config.Range;
import dev.trimtab.env.config.YamlField;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A problem's {@code slos} section: new SLOs for some endpoints of its topology. */
record SloOverrides(Map<String, Slo> overrides) {

  private static final Range PERCENTILE = Range.open(0, 100, "a percentile");
  private static final List<String> FIELDS = List.of("percentile", "latencyMs");

  static SloOverrides bind(YamlField problem, Topology topology) {
    Map<String, Slo> out = new LinkedHashMap<>();
    if (!problem.has("slos")) {
      return new SloOverrides(out);
    }
    YamlField slos = problem.required("slos");
    List<String> endpoints = topology.endpoints().stream().map(EndpointSpec::name).toList();
    for (String endpoint : slos.keys()) {
      int e = endpoints.indexOf(endpoint);
      if (e < 0) {
        throw slos.required(endpoint)
            .error(
                "no endpoint '"
                    + endpoint
                    + "' in topology "
                    + topology.name()
                    + "; known: "
                    + endpoints);
      }
      YamlField slo = slos.required(endpoint).requireMap(FIELDS);
      double percentile =
          slo.optionalNumber(
              "percentile", topology.endpoints().get(e).slo().percentile(), PERCENTILE);
      double latencyMs = slo.required("latencyMs").number(Limits.LATENCY_MS);
      out.put(endpoint, new Slo(percentile, latencyMs));
    }
    return new SloOverrides(out);
  }

  Topology applyTo(Topology t) {
    if (overrides.isEmpty()) {
      return t;
    }
    List<EndpointSpec> endpoints = new ArrayList<>();
    for (EndpointSpec e : t.endpoints()) {
      Slo slo = overrides.getOrDefault(e.name(), e.slo());
      endpoints.add(new EndpointSpec(e.name(), e.weight(), slo, e.root()));
    }
    return new Topology(t.name(), t.description(), t.networkHopMs(), t.services(), endpoints);
  }
}
