package dev.trimtab.rca.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.Source;
import dev.trimtab.rca.feature.Feature;
import dev.trimtab.rca.feature.ServiceStats;
import dev.trimtab.rca.feature.WindowStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training that cannot learn says so instead of writing a model that knows nothing. */
class DegeneracyTest {
  /**
   * Every service of a window looks the same (the window's load moves them all alike) and the
   * culprit is drawn at random: labels no feature can learn, as return and exception faults are in
   * traces without status. Training refuses, naming the source and the fault kind.
   */
  @Test
  void unlearnableLabelsAreRefused() {
    SplittableRandom r = new SplittableRandom(7);
    Map<String, ServiceStats> ref = new LinkedHashMap<>();
    for (int s = 0; s < 6; s++) {
      ref.put("s" + s, Synthetic.stats(100, 5, 1, 0.1));
    }
    List<LabelledWindow> windows = new ArrayList<>();
    for (int w = 0; w < 40; w++) {
      double load = 3 + 10 * r.nextDouble();
      Map<String, ServiceStats> now = new LinkedHashMap<>();
      for (int s = 0; s < 6; s++) {
        now.put("s" + s, Synthetic.stats(100, load, load / 2, 0.1 + load / 100));
      }
      windows.add(
          new LabelledWindow(
              "day/" + w,
              "app",
              "exception",
              0,
              180,
              Set.of("s" + r.nextInt(6)),
              new WindowStats(100, 60, now),
              new WindowStats(100, 50, ref)));
    }
    TrainOptions o =
        TrainOptions.defaults(ModelKind.LINEAR_SVM, 1)
            .withFeatures(List.of(Feature.SELF_CHANGE, Feature.INBOUND_CHANGE));
    var e =
        assertThrows(
            DegenerateModelException.class,
            () -> RcaTrainer.train(List.of(new Source("nezha-x-2023-01-29", false, windows)), o));
    assertTrue(
        e.getMessage().startsWith("the model learned nothing from [nezha-x-2023-01-29]: "),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("every weight is below") || e.getMessage().contains("chance is"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("without signal in the features: exception in nezha-x-2023-01-29"),
        e.getMessage());
  }

  /** A feature the data never moves (here: logs, in data without logs) is named. */
  @Test
  void aConstantFeatureIsNamed() {
    TrainOptions o =
        TrainOptions.defaults(ModelKind.LINEAR_SVM, 1)
            .withFeatures(List.of(Feature.SELF_CHANGE, Feature.ERROR_LOG_CHANGE));
    var e =
        assertThrows(
            DegenerateModelException.class,
            () ->
                RcaTrainer.train(
                    List.of(new Source("traces-only", false, Synthetic.windows(30, 1))), o));
    assertTrue(e.getMessage().contains("[error_log_change] never varies"), e.getMessage());
    assertTrue(e.getMessage().contains("metrics or logs"), e.getMessage());
  }

  /** Learnable data passes the same checks. */
  @Test
  void learnableDataTrains() {
    TrainOptions o =
        TrainOptions.defaults(ModelKind.LINEAR_SVM, 1)
            .withFeatures(List.of(Feature.SELF_CHANGE, Feature.SHARE_CHANGE));
    RcaModel m = RcaTrainer.train(List.of(new Source("syn", false, Synthetic.windows(30, 1))), o);
    assertTrue(
        Degeneracy.fit(m, List.of(new Source("syn", false, Synthetic.windows(30, 2)))).stream()
            .noneMatch(Degeneracy.Fit::lacksSignal));
  }
}
