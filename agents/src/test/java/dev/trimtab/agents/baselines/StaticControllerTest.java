package dev.trimtab.agents.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaticControllerTest {

  @Test
  void neverActsWhateverTheMetricsSay() {
    FakeCluster cluster = new FakeCluster().add("web", 2, 0.5, 256);
    StaticController controller = new StaticController();
    controller.reset(cluster);
    // Saturated CPU, memory over the limit, the SLO missed: still nothing.
    controller.act(
        Metrics.interval(
            0,
            1000,
            List.of(Metrics.service("web", 2, 0.5, 1.0, 256, 1.5)),
            List.of(Metrics.endpoint("home", true))),
        cluster);
    assertEquals(List.of(), cluster.calls);
    assertEquals(2, cluster.replicas("web"));
  }
}
