package dev.trimtab.rca.model;

import dev.trimtab.env.random.Seeds;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.feature.Feature;
import dev.trimtab.rca.feature.WindowFeatures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rows an SVM trains on: every culprit of every window, and per window a few non-culprits,
 * those with the largest feature norm (the ones a culprit is confused with) and a few at random. A
 * window has one or two culprits among tens of services, so keeping every row would drown the
 * culprits and slow training for nothing.
 *
 * @param x raw feature rows
 * @param y +1 culprit, -1 not
 */
record TrainingRows(double[][] x, int[] y) {

  static TrainingRows of(List<LabelledWindow> windows, List<Feature> features, TrainOptions o) {
    int[] once = new int[windows.size()];
    java.util.Arrays.fill(once, 1);
    return of(windows, once, features, o);
  }

  /**
   * As above, each window's rows taken {@code copies[i]} times: how sources of very different sizes
   * weigh the same (the linear SVM's loss counts a row once per copy).
   */
  static TrainingRows of(
      List<LabelledWindow> windows, int[] copies, List<Feature> features, TrainOptions o) {
    SplittableRandom rng = new Seeds(o.seed()).stream("rca-rows");
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    for (int wi = 0; wi < windows.size(); wi++) {
      LabelledWindow w = windows.get(wi);
      int from = xs.size();
      WindowFeatures raw = WindowFeatures.of(features, w.window(), w.reference());
      WindowFeatures f = o.relative() ? raw.relative() : raw;
      List<Integer> negatives = new ArrayList<>();
      for (int i = 0; i < f.services().size(); i++) {
        if (w.culprits().contains(f.services().get(i))) {
          xs.add(f.x()[i]);
          ys.add(1);
        } else {
          negatives.add(i);
        }
      }
      negatives.sort(Comparator.comparingDouble((Integer i) -> -norm(f.x()[i])));
      int hard = Math.min(o.hardNegatives(), negatives.size());
      for (int k = 0; k < hard; k++) {
        xs.add(f.x()[negatives.get(k)]);
        ys.add(-1);
      }
      List<Integer> rest = new ArrayList<>(negatives.subList(hard, negatives.size()));
      for (int k = 0; k < o.randomNegatives() && !rest.isEmpty(); k++) {
        xs.add(f.x()[rest.remove(rng.nextInt(rest.size()))]);
        ys.add(-1);
      }
      int to = xs.size();
      for (int c = 1; c < copies[wi]; c++) {
        for (int r = from; r < to; r++) {
          xs.add(xs.get(r));
          ys.add(ys.get(r));
        }
      }
    }
    if (xs.size() > MAX_ROWS) {
      for (int i = xs.size() - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        xs.set(j, xs.set(i, xs.get(j)));
        ys.set(j, ys.set(i, ys.get(j)));
      }
      xs = new ArrayList<>(xs.subList(0, MAX_ROWS));
      ys = new ArrayList<>(ys.subList(0, MAX_ROWS));
    }
    return new TrainingRows(
        xs.toArray(new double[0][]), ys.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * At most this many rows, drawn at random when there are more: LASVM caches kernel rows, so
   * memory grows with the square of the rows (8 000 rows: about 0.5 GB at most).
   */
  static final int MAX_ROWS = 8000;

  private static double norm(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d * d;
    }
    return s;
  }

  int positives() {
    int n = 0;
    for (int v : y) {
      n += v > 0 ? 1 : 0;
    }
    return n;
  }
}
