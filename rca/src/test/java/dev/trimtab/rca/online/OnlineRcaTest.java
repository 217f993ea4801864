package dev.trimtab.rca.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.inject.SimulatedInjector;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.SimulatedWindows;
import dev.trimtab.rca.model.ModelKind;
import dev.trimtab.rca.model.RcaModel;
import dev.trimtab.rca.model.RcaTrainer;
import dev.trimtab.rca.model.TrainOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The analyser online, as ClusterEnv drives it: trained on one seed of a scenario, it flags the
 * faulty service on another seed only while the fault is on.
 */
class OnlineRcaTest {
  static String campaign(String service) {
    return "name: c\nfaults:\n  - kind: cpu-contention\n    target: {services: ["
        + service
        + "], mode: all}\n    startS: 40\n    durationS: 15\n    intensity: 0.9\n";
  }

  @Test
  void flagsTheFaultyServiceEachInterval() {
    var topo = Topologies.resolve("hotel-reservation");
    var load = WorkloadLoader.resolve("poisson:rate=200", Path.of("."));
    List<LabelledWindow> train = new ArrayList<>();
    for (String s : List.of("rate", "geo", "profile", "search")) {
      train.addAll(
          SimulatedWindows.run(
              s,
              topo,
              load,
              CampaignLoader.parse(campaign(s), "t"),
              60,
              1,
              SimulatedWindows.Options.DEFAULT));
    }
    RcaModel model = RcaTrainer.fit(train, TrainOptions.defaults(ModelKind.LINEAR_SVM, 1));

    CriticalServiceAnalyser analyser = new CriticalServiceAnalyser(model, 0.5);
    Simulation sim = Simulation.create(topo, load, 9);
    SpanRecorder spans = new SpanRecorder(1_000_000);
    sim.traceTo(spans, analyser.samplingRate());
    List<Set<String>> flags = new ArrayList<>();
    String top = null;
    try (var faults =
        SimulatedInjector.attach(sim, CampaignLoader.parse(campaign("geo"), "t"), 9)) {
      for (int i = 0; i < 12; i++) {
        IntervalMetrics m = sim.runFor(5000);
        flags.add(analyser.critical(m, spans.drain()));
        if (i == 10) {
          top = analyser.state().ranking().services().get(0);
        }
      }
    }
    for (int i = 0; i < 7; i++) {
      assertEquals(Set.of(), flags.get(i), "interval " + i + " is before the fault");
    }
    for (int i = 8; i < 11; i++) {
      assertTrue(flags.get(i).contains("geo"), "interval " + i + ": " + flags.get(i));
    }
    assertEquals("geo", top, "ranked first in 50-55 s");
  }
}
