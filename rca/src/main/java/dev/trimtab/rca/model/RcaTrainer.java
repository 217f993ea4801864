package dev.trimtab.rca.model;

import dev.trimtab.env.random.Seeds;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.base.svm.KernelMachine;
import smile.base.svm.LASVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;
import smile.math.kernel.LinearKernel;

/**
 * Trains a {@link RcaModel} on labelled windows. Smile's SVM is LASVM, which visits rows in a
 * random order; its generator is seeded from the options, so the same windows and options give the
 * same model.
 */
public final class RcaTrainer {
  private RcaTrainer() {}

  /**
   * Trains on several sources at once, balanced if the options say so, and refuses a model that
   * learned nothing ({@link Degeneracy}): the path of {@code rca train}.
   *
   * @throws DegenerateModelException when the data cannot train a useful model, saying why
   */
  public static RcaModel train(List<Source> sources, TrainOptions o) {
    Degeneracy.checkFeatures(sources, o.features());
    RcaModel m = fitSources(sources, o);
    Degeneracy.checkModel(m, sources);
    return m;
  }

  /** Trains on several sources at once, balanced if the options say so; refuses nothing. */
  public static RcaModel fitSources(List<Source> sources, TrainOptions o) {
    List<LabelledWindow> windows = new ArrayList<>();
    List<Integer> copies = new ArrayList<>();
    int[][] perSource = Balance.copies(sources, o.balance());
    for (int s = 0; s < sources.size(); s++) {
      windows.addAll(sources.get(s).windows());
      for (int c : perSource[s]) {
        copies.add(c);
      }
    }
    return fit(windows, copies.stream().mapToInt(Integer::intValue).toArray(), o);
  }

  public static RcaModel fit(List<LabelledWindow> windows, TrainOptions o) {
    int[] once = new int[windows.size()];
    java.util.Arrays.fill(once, 1);
    return fit(windows, once, o);
  }

  static RcaModel fit(List<LabelledWindow> windows, int[] copies, TrainOptions o) {
    TrainingRows rows = TrainingRows.of(windows, copies, o.features(), o);
    int pos = rows.positives();
    if (pos == 0 || pos == rows.y().length) {
      throw new IllegalArgumentException(
          "training needs windows with culprits and services that are not: got "
              + pos
              + " culprit rows of "
              + rows.y().length);
    }
    int d = o.features().size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    standardisation(rows.x(), mean, scale);
    double[][] x = new double[rows.x().length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = standardise(rows.x()[i], mean, scale);
    }
    Map<String, String> info = new LinkedHashMap<>();
    info.put("windows", Integer.toString(windows.size()));
    info.put("rows", Integer.toString(x.length));
    info.put("culprit_rows", Integer.toString(pos));
    info.put("options", o.toString());
    RcaModel m =
        switch (o.kind()) {
          case GAUSSIAN_SVM -> gaussian(x, rows.y(), o, mean, scale, info);
          case LINEAR_SVM -> linear(x, rows.y(), o, mean, scale, info);
          case INCREMENTAL ->
              IncrementalSvm.start(o, mean, scale).update(x, rows.y(), o.epochs()).model(info);
        };
    return Thresholds.calibrated(m, windows);
  }

  private static RcaModel gaussian(
      double[][] x,
      int[] y,
      TrainOptions o,
      double[] mean,
      double[] scale,
      Map<String, String> info) {
    KernelMachine<double[]> m = lasvm(new GaussianKernel(o.sigma()), x, y, o);
    return new RcaModel(
        ModelKind.GAUSSIAN_SVM,
        o.features(),
        mean,
        scale,
        o.sigma(),
        m.vectors(),
        m.weights(),
        m.intercept(),
        0,
        info,
        o.relative());
  }

  private static RcaModel linear(
      double[][] x,
      int[] y,
      TrainOptions o,
      double[] mean,
      double[] scale,
      Map<String, String> info) {
    KernelMachine<double[]> m = lasvm(new LinearKernel(), x, y, o);
    double[] w = new double[mean.length];
    for (int i = 0; i < m.vectors().length; i++) {
      for (int j = 0; j < w.length; j++) {
        w[j] += m.weights()[i] * m.vectors()[i][j];
      }
    }
    return new RcaModel(
        ModelKind.LINEAR_SVM,
        o.features(),
        mean,
        scale,
        1,
        new double[0][],
        w,
        m.intercept(),
        0,
        info,
        o.relative());
  }

  private static KernelMachine<double[]> lasvm(
      smile.math.kernel.MercerKernel<double[]> kernel, double[][] x, int[] y, TrainOptions o) {
    synchronized (MathEx.class) {
      MathEx.setSeed(new Seeds(o.seed()).stream("smile").nextLong());
      return new LASVM<>(kernel, o.c() * o.positiveWeight(), o.c(), 1e-3).fit(x, y, o.epochs());
    }
  }

  static void standardisation(double[][] x, double[] mean, double[] scale) {
    int d = mean.length;
    for (double[] r : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += r[j] / x.length;
      }
    }
    for (double[] r : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / x.length;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
    }
  }

  static double[] standardise(double[] r, double[] mean, double[] scale) {
    double[] out = new double[r.length];
    for (int j = 0; j < r.length; j++) {
      out[j] = RcaModel.squash((r[j] - mean[j]) / scale[j]);
    }
    return out;
  }
}
