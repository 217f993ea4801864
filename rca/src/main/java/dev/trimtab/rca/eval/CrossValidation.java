package dev.trimtab.rca.eval;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.model.RcaModel;
import dev.trimtab.rca.model.RcaTrainer;
import dev.trimtab.rca.model.TrainOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * K-fold cross-validation by case: windows of one run (or dataset case) stay in one fold, runs go
 * to folds in turn by order of first appearance; each fold is ranked by a model trained on the
 * others, and all folds are scored together.
 */
public final class CrossValidation {
  private CrossValidation() {}

  public static Evaluation run(List<LabelledWindow> windows, TrainOptions options, int folds) {
    return run(windows, options, folds, () -> {});
  }

  /** As above, calling {@code onFold} after each fold's model is trained. */
  public static Evaluation run(
      List<LabelledWindow> windows, TrainOptions options, int folds, Runnable onFold) {
    Map<String, Integer> fold = new LinkedHashMap<>();
    for (LabelledWindow w : windows) {
      fold.computeIfAbsent(w.run(), k -> fold.size() % folds);
    }
    List<LabelledWindow> ranked = new ArrayList<>();
    List<RcaModel> models = new ArrayList<>();
    List<List<LabelledWindow>> tests = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      List<LabelledWindow> train = new ArrayList<>();
      List<LabelledWindow> test = new ArrayList<>();
      for (LabelledWindow w : windows) {
        (fold.get(w.run()) == f ? test : train).add(w);
      }
      if (!test.isEmpty()) {
        models.add(RcaTrainer.fit(train, options));
        onFold.run();
        tests.add(test);
        ranked.addAll(test);
      }
    }
    return Evaluation.of(models, tests);
  }
}
