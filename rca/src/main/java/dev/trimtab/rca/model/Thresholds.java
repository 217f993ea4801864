package dev.trimtab.rca.model;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.feature.WindowFeatures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Chooses the critical-flag threshold: the SVM's own boundary (0) is fitted to the sampled rows,
 * where culprits are far more common than among all of a window's services, so it flags too little.
 * The threshold that maximises F1 of the flag over every (window, service) pair of the training
 * windows is used instead, and recorded.
 */
final class Thresholds {
  private Thresholds() {}

  static RcaModel calibrated(RcaModel m, List<LabelledWindow> windows) {
    int n = 0;
    for (LabelledWindow w : windows) {
      n += w.reference().services().size() + w.window().services().size();
    }
    double[] score = new double[n];
    boolean[] culprit = new boolean[n];
    int k = 0;
    int positives = 0;
    for (LabelledWindow w : windows) {
      WindowFeatures f = m.features(w.window(), w.reference());
      for (int i = 0; i < f.services().size(); i++) {
        score[k] = m.score(f.x()[i]);
        culprit[k] = w.culprits().contains(f.services().get(i));
        positives += culprit[k] ? 1 : 0;
        k++;
      }
    }
    Integer[] order = new Integer[k];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
    double best = -1;
    double threshold = m.threshold();
    int tp = 0;
    for (int r = 0; r < k; r++) {
      tp += culprit[order[r]] ? 1 : 0;
      boolean boundary = r + 1 == k || score[order[r + 1]] < score[order[r]];
      double f1 = positives == 0 ? 0 : 2.0 * tp / (r + 1 + positives);
      if (boundary && f1 > best) {
        best = f1;
        threshold = r + 1 == k ? score[order[r]] - 1 : (score[order[r]] + score[order[r + 1]]) / 2;
      }
    }
    var info = new LinkedHashMap<>(m.training());
    info.put("threshold_f1", String.format(java.util.Locale.ROOT, "%.4f", best));
    return m.with(threshold, info);
  }
}
