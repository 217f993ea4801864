package dev.trimtab.rca.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.Source;
import dev.trimtab.rca.feature.Feature;
import dev.trimtab.rca.feature.ServiceStats;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.model.ModelKind;
import dev.trimtab.rca.model.TrainOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Cross-validation and held-out evaluation never let a model see what it scores. The data is made
 * so that leaking shows: in application "up" culprits got slower, in application "down" they got
 * faster, so a model that never saw "down" ranks its culprits last, and one that did, first.
 */
class CrossValidationTest {
  static final TrainOptions OPTIONS =
      TrainOptions.defaults(ModelKind.LINEAR_SVM, 1)
          .withFeatures(List.of(Feature.SELF_CHANGE, Feature.SHARE_CHANGE));

  static List<LabelledWindow> app(String name, boolean up, int runs, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Map<String, ServiceStats> ref = new LinkedHashMap<>();
    for (int s = 0; s < 5; s++) {
      ref.put("s" + s, stats(10));
    }
    List<LabelledWindow> out = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      String culprit = "s" + r.nextInt(5);
      for (int w = 0; w < 3; w++) {
        Map<String, ServiceStats> now = new LinkedHashMap<>();
        for (int s = 0; s < 5; s++) {
          double self = 10 * (0.9 + 0.2 * r.nextDouble());
          if (culprit.equals("s" + s)) {
            self = up ? 40 + 10 * r.nextDouble() : 2 + r.nextDouble();
          }
          now.put("s" + s, stats(self));
        }
        out.add(
            new LabelledWindow(
                name + "/run-" + run,
                name,
                "cpu",
                w,
                w + 1,
                Set.of(culprit),
                new WindowStats(100, 50, now),
                new WindowStats(100, 50, ref)));
      }
    }
    return out;
  }

  static ServiceStats stats(double selfMs) {
    return new ServiceStats(100, 100, selfMs, 1, 0, 1, selfMs / 60, 0, selfMs, selfMs);
  }

  @Test
  void holdingOutAnApplicationHidesItFromTraining() {
    List<Source> sources =
        List.of(
            new Source("up-day", false, app("up", true, 10, 1)),
            new Source("down-day", false, app("down", false, 10, 2)));
    assertEquals(2, CrossValidation.groups(sources, CrossValidation.HoldOut.APPLICATION));
    Evaluation e =
        CrossValidation.holdOut(sources, OPTIONS, CrossValidation.HoldOut.APPLICATION, () -> {});
    // "down" is ranked by a model of "up" only: its culprits, the fastest, come last
    assertEquals(0, e.byTopology().get("down").top1());
    assertEquals(30, e.byTopology().get("down").faultyWindows());
    // "up" by a model of "down" only: its culprits, the slowest, come last too
    assertEquals(0, e.byTopology().get("up").top1());
  }

  /** A simulated source is always training data, never held out, never scored. */
  @Test
  void simulatedSourcesOnlyTrain() {
    List<Source> sources =
        List.of(
            new Source("down-day", false, app("down", false, 10, 2)),
            new Source("sim", true, app("down-sim", false, 10, 3)));
    assertEquals(1, CrossValidation.groups(sources, CrossValidation.HoldOut.DAY));
    Evaluation e = CrossValidation.holdOut(sources, OPTIONS, CrossValidation.HoldOut.DAY, () -> {});
    assertEquals(Set.of("down"), e.byTopology().keySet());
    assertEquals(1.0, e.all().top1(), "the simulation taught the same direction");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CrossValidation.holdOut(
                List.of(sources.get(1)), OPTIONS, CrossValidation.HoldOut.DAY, () -> {}));
  }

  /**
   * K folds by run: every window is scored once, windows of one run stay in one fold (a run's three
   * windows share their culprit, so a model that saw the run would know it), runs are dealt to
   * folds in turn, and on data where every run follows one rule the folds score it perfectly.
   */
  @Test
  void foldsKeepRunsTogether() {
    List<LabelledWindow> w = app("up", true, 12, 4);
    int[] folds = new int[1];
    Evaluation e = CrossValidation.run(w, OPTIONS, 4, () -> folds[0]++);
    assertEquals(4, folds[0]);
    assertEquals(36, e.all().windows());
    assertEquals(1.0, e.all().top1());
    var fold = CrossValidation.folds(w, 4);
    assertEquals(12, fold.size(), "one entry per run: a run's windows share a fold");
    for (int run = 0; run < 12; run++) {
      assertEquals(run % 4, fold.get("up/run-" + run));
    }
  }
}
