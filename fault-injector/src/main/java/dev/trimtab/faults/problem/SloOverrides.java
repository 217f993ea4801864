package dev.trimtab.faults.problem;

import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A problem's {@code slos} section: new SLOs for some endpoints of its topology. */
record SloOverrides(Map<String, Slo> overrides) {

  static SloOverrides bind(Fields problem, Topology topology) {
    Map<String, Slo> out = new LinkedHashMap<>();
    if (!problem.has("slos")) {
      return new SloOverrides(out);
    }
    Fields slos = problem.object("slos");
    List<String> endpoints = topology.endpoints().stream().map(EndpointSpec::name).toList();
    Iterator<String> names = slos.fieldNames();
    while (names.hasNext()) {
      String endpoint = names.next();
      int e = endpoints.indexOf(endpoint);
      if (e < 0) {
        throw slos.error(
            endpoint,
            "no endpoint '"
                + endpoint
                + "' in topology "
                + topology.name()
                + "; known: "
                + endpoints);
      }
      Fields slo = slos.object(endpoint);
      slo.onlyKnown(List.of("percentile", "latencyMs"), "an SLO");
      double percentile =
          slo.optionalNumber(
              "percentile",
              topology.endpoints().get(e).slo().percentile(),
              v -> v > 0 && v < 100,
              "a percentile in (0, 100)");
      double latencyMs = slo.number("latencyMs", v -> v > 0, "a number of ms > 0");
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
