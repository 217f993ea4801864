package dev.trimtab.rca.model;

import dev.trimtab.env.random.Seeds;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * FIRM's incremental SVM: a linear classifier trained by mini-batch sub-gradient descent on the
 * L2-regularised hinge loss, {@code lambda/2 |w|^2 + mean_i max(0, 1 - y_i (w . x_i + b))}, with
 * culprit rows weighted by {@code positiveWeight}. Step size {@code 1 / (lambda (t + t0))}
 * (Pegasos, shifted so the first steps are not huge). It can keep learning from new windows after
 * deployment: {@link #resume} a saved model and {@link #update} it.
 */
public final class IncrementalSvm {
  private static final double T0 = 100;

  private final TrainOptions options;
  private final double[] mean;
  private final double[] scale;
  private final double[] w;
  private double b;
  private long steps;
  private final SplittableRandom rng;

  private IncrementalSvm(
      TrainOptions o, double[] mean, double[] scale, double[] w, double b, long steps) {
    this.options = o;
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.w = w.clone();
    this.b = b;
    this.steps = steps;
    this.rng = new Seeds(o.seed()).stream("rca-incremental", (int) steps);
  }

  static IncrementalSvm start(TrainOptions o, double[] mean, double[] scale) {
    return new IncrementalSvm(o, mean, scale, new double[mean.length], 0, 0);
  }

  /** Continues training a saved incremental (or linear) model; standardisation stays frozen. */
  public static IncrementalSvm resume(RcaModel m, TrainOptions o) {
    if (m.kind() == ModelKind.GAUSSIAN_SVM) {
      throw new IllegalArgumentException("only linear models can be trained incrementally");
    }
    long steps = Long.parseLong(m.training().getOrDefault("steps", "0"));
    return new IncrementalSvm(o, m.mean(), m.scale(), m.weights(), m.bias(), steps);
  }

  /** Trains on standardised rows for {@code epochs} passes, in shuffled mini-batches. */
  public IncrementalSvm update(double[][] x, int[] y, int epochs) {
    int n = x.length;
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    double lambda = options.lambda();
    for (int e = 0; e < epochs; e++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int from = 0; from < n; from += options.batchSize()) {
        int to = Math.min(n, from + options.batchSize());
        double eta = 1 / (lambda * (++steps + T0));
        double[] g = new double[w.length];
        double gb = 0;
        for (int k = from; k < to; k++) {
          int i = order[k];
          double weight = y[i] > 0 ? options.positiveWeight() : 1;
          if (y[i] * (dot(x[i]) + b) < 1) {
            for (int j = 0; j < w.length; j++) {
              g[j] -= weight * y[i] * x[i][j];
            }
            gb -= weight * y[i];
          }
        }
        int m = to - from;
        for (int j = 0; j < w.length; j++) {
          w[j] -= eta * (lambda * w[j] + g[j] / m);
        }
        b -= eta * gb / m;
      }
    }
    return this;
  }

  /** Trains on raw (unstandardised) rows, standardised with the model's frozen statistics. */
  public IncrementalSvm updateRaw(double[][] raw, int[] y, int epochs) {
    double[][] x = new double[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      x[i] = RcaTrainer.standardise(raw[i], mean, scale);
    }
    return update(x, y, epochs);
  }

  private double dot(double[] x) {
    double s = 0;
    for (int j = 0; j < w.length; j++) {
      s += w[j] * x[j];
    }
    return s;
  }

  public RcaModel model(Map<String, String> info) {
    var m = new java.util.LinkedHashMap<>(info);
    m.put("steps", Long.toString(steps));
    return new RcaModel(
        ModelKind.INCREMENTAL,
        options.features(),
        mean,
        scale,
        1,
        new double[0][],
        w.clone(),
        b,
        0,
        m,
        options.relative());
  }
}
