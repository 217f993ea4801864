package dev.trimtab.rca.eval;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.Source;
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

  /** The fold of each run: runs in order of first appearance, dealt to folds in turn. */
  static Map<String, Integer> folds(List<LabelledWindow> windows, int folds) {
    Map<String, Integer> fold = new LinkedHashMap<>();
    for (LabelledWindow w : windows) {
      fold.computeIfAbsent(w.run(), k -> fold.size() % folds);
    }
    return fold;
  }

  /** What a held-out evaluation keeps together. */
  public enum HoldOut {
    /** Each application's windows are scored by a model trained without that application. */
    APPLICATION,
    /** Each dataset folder (one application on one day) by a model trained without that day. */
    DAY
  }

  /**
   * Leave-one-group-out over the real sources: for each application (or day) among the sources that
   * are not simulated, a model trained on every other window, simulated ones included, scores that
   * group's windows; all groups are scored together. Trained with {@link RcaTrainer#fit} (no
   * refusal: a weak fold shows in its scores).
   */
  public static Evaluation holdOut(
      List<Source> sources, TrainOptions options, HoldOut by, Runnable onFold) {
    Map<String, List<LabelledWindow>> groups = new LinkedHashMap<>();
    for (Source s : sources) {
      if (!s.simulated()) {
        for (LabelledWindow w : s.windows()) {
          groups.computeIfAbsent(key(by, s, w), k -> new ArrayList<>()).add(w);
        }
      }
    }
    if (groups.size() < 1 || sources.size() < 2) {
      throw new IllegalArgumentException(
          "a held-out evaluation needs at least one real dataset and one other source");
    }
    List<RcaModel> models = new ArrayList<>();
    List<List<LabelledWindow>> tests = new ArrayList<>();
    for (var g : groups.entrySet()) {
      List<Source> train = new ArrayList<>();
      for (Source s : sources) {
        List<LabelledWindow> keep = new ArrayList<>();
        for (LabelledWindow w : s.windows()) {
          if (s.simulated() || !key(by, s, w).equals(g.getKey())) {
            keep.add(w);
          }
        }
        if (!keep.isEmpty()) {
          train.add(new Source(s.name(), s.simulated(), keep));
        }
      }
      models.add(RcaTrainer.fitSources(train, options));
      tests.add(g.getValue());
      onFold.run();
    }
    return Evaluation.of(models, tests);
  }

  /** The groups {@link #holdOut} would form: one model each. */
  public static int groups(List<Source> sources, HoldOut by) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (Source s : sources) {
      if (!s.simulated()) {
        s.windows().forEach(w -> keys.add(key(by, s, w)));
      }
    }
    return keys.size();
  }

  private static String key(HoldOut by, Source s, LabelledWindow w) {
    return by == HoldOut.APPLICATION ? w.topology() : s.name();
  }

  /** As above, calling {@code onFold} after each fold's model is trained. */
  public static Evaluation run(
      List<LabelledWindow> windows, TrainOptions options, int folds, Runnable onFold) {
    Map<String, Integer> fold = folds(windows, folds);
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
