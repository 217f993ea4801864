package dev.trimtab.env.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The span hook reports the call tree of each sampled request and does not perturb the run. */
class SpanHookTest {
  record Span(
      long trace,
      long id,
      long parent,
      String service,
      String endpoint,
      double start,
      double end) {}

  private static List<Span> collect(Simulation sim) {
    List<Span> spans = new ArrayList<>();
    sim.traceTo(
        (hi, lo, id, parent, service, op, endpoint, start, end, error) ->
            spans.add(new Span(lo, id, parent, service, endpoint, start, end)),
        1.0);
    return spans;
  }

  @Test
  void spansOfEachTraceFormTheEndpointsCallTree() {
    Simulation sim =
        Simulation.create(TestTopologies.fanOut(1000, 1000), TestWorkloads.poisson(20, 10_000), 1);
    List<Span> spans = collect(sim);
    sim.runFor(20_000);
    Map<Long, List<Span>> byTrace = new HashMap<>();
    spans.forEach(s -> byTrace.computeIfAbsent(s.trace(), k -> new ArrayList<>()).add(s));
    assertEquals(sim.summary().requests(), byTrace.size(), "one trace per request");
    for (List<Span> trace : byTrace.values()) {
      Map<Long, Span> byId = new HashMap<>();
      trace.forEach(s -> byId.put(s.id(), s));
      Span root = trace.stream().filter(s -> s.parent() == 0).findFirst().orElseThrow();
      assertEquals("frontend", root.service());
      Set<String> services = new TreeSet<>();
      for (Span s : trace) {
        services.add(s.service());
        assertTrue(s.start() <= s.end());
        if (s.parent() != 0) {
          Span parent = byId.get(s.parent());
          assertTrue(parent.start() <= s.start() && s.end() <= parent.end());
          String expectedParent = s.service().equals("db") ? "search" : "frontend";
          assertEquals(expectedParent, parent.service(), "parent of " + s.service());
        }
      }
      if (root.endpoint().equals("login")) {
        assertEquals(Set.of("frontend", "auth"), services);
      } else {
        assertTrue(services.containsAll(Set.of("frontend", "auth", "search", "db")));
      }
    }
  }

  @Test
  void tracingDoesNotChangeTheRun() {
    Simulation plain =
        Simulation.create(TestTopologies.fanOut(8, 40), TestWorkloads.poisson(900, 1e12), 2);
    Simulation traced =
        Simulation.create(TestTopologies.fanOut(8, 40), TestWorkloads.poisson(900, 1e12), 2);
    List<Span> spans = collect(traced);
    for (int i = 0; i < 10; i++) {
      assertEquals(plain.runFor(500), traced.runFor(500));
    }
    assertTrue(spans.size() > 1000);
  }
}
