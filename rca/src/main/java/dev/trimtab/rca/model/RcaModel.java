package dev.trimtab.rca.model;

import dev.trimtab.rca.feature.Feature;
import dev.trimtab.rca.feature.WindowFeatures;
import dev.trimtab.rca.feature.WindowStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained culprit classifier. Scores a service's raw feature vector: standardise with the
 * training set's mean and deviation, {@link #squash}, then either a kernel expansion {@code sum_i
 * w_i k(sv_i, x) + b} (Gaussian SVM) or {@code w . x + b} (linear). A service is flagged critical
 * when its score is above {@code threshold}. Immutable; build with {@link RcaTrainer} or {@link
 * ModelFile#read}.
 *
 * @param kind how it was trained
 * @param features the features, in column order
 * @param mean per-feature mean of the training rows
 * @param scale per-feature standard deviation (1 where it was 0)
 * @param sigma Gaussian kernel width (ignored by linear models)
 * @param supportVectors standardised support vectors (empty for linear models)
 * @param weights one per support vector (Gaussian) or per feature (linear)
 * @param bias the intercept
 * @param threshold scores above it are flagged critical
 * @param training how it was trained, for the record: options, data, counts
 * @param relative whether each feature is first taken relative to the window's other services
 *     ({@link WindowFeatures#relative}): how far a service stands out, not the raw value
 */
public record RcaModel(
    ModelKind kind,
    List<Feature> features,
    double[] mean,
    double[] scale,
    double sigma,
    double[][] supportVectors,
    double[] weights,
    double bias,
    double threshold,
    Map<String, String> training,
    boolean relative) {

  /** A model of raw features. */
  public RcaModel(
      ModelKind kind,
      List<Feature> features,
      double[] mean,
      double[] scale,
      double sigma,
      double[][] supportVectors,
      double[] weights,
      double bias,
      double threshold,
      Map<String, String> training) {
    this(
        kind,
        features,
        mean,
        scale,
        sigma,
        supportVectors,
        weights,
        bias,
        threshold,
        training,
        false);
  }

  /** The same model with another threshold and record of its training. */
  public RcaModel with(double newThreshold, Map<String, String> newTraining) {
    return new RcaModel(
        kind,
        features,
        mean,
        scale,
        sigma,
        supportVectors,
        weights,
        bias,
        newThreshold,
        newTraining,
        relative);
  }

  /** The feature rows this model scores for a window. */
  public WindowFeatures features(WindowStats window, WindowStats reference) {
    WindowFeatures f = WindowFeatures.of(features, window, reference);
    return relative ? f.relative() : f;
  }

  public RcaModel {
    features = List.copyOf(features);
    training = Map.copyOf(training);
    int d = features.size();
    if (mean.length != d || scale.length != d) {
      throw new IllegalArgumentException("mean and scale need one entry per feature");
    }
    for (int j = 0; j < d; j++) {
      if (!Double.isFinite(mean[j]) || !(scale[j] > 0) || !Double.isFinite(scale[j])) {
        throw new IllegalArgumentException(
            "feature " + features.get(j).id() + ": mean must be finite and scale finite and > 0");
      }
    }
    if (kind == ModelKind.GAUSSIAN_SVM) {
      if (supportVectors.length != weights.length || !(sigma > 0)) {
        throw new IllegalArgumentException("a Gaussian SVM needs sigma > 0 and one weight per SV");
      }
      for (double[] sv : supportVectors) {
        if (sv.length != d) {
          throw new IllegalArgumentException("support vectors need one entry per feature");
        }
      }
    } else if (weights.length != d) {
      throw new IllegalArgumentException("a linear model needs one weight per feature");
    }
  }

  /** The score of one raw (unstandardised) feature vector. */
  public double score(double[] raw) {
    int d = mean.length;
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      x[j] = squash((raw[j] - mean[j]) / scale[j]);
    }
    if (kind != ModelKind.GAUSSIAN_SVM) {
      double s = bias;
      for (int j = 0; j < d; j++) {
        s += weights[j] * x[j];
      }
      return s;
    }
    double gamma = 1 / (2 * sigma * sigma);
    double s = bias;
    for (int i = 0; i < supportVectors.length; i++) {
      double[] sv = supportVectors[i];
      double dist = 0;
      for (int j = 0; j < d; j++) {
        double diff = sv[j] - x[j];
        dist += diff * diff;
      }
      s += weights[i] * Math.exp(-gamma * dist);
    }
    return s;
  }

  /**
   * Bounds a standardised value smoothly to (-{@link #SQUASH}, {@link #SQUASH}): {@code S tanh(z /
   * S)}. Monotone, so ranking order within a feature is kept, while a culprit far beyond anything
   * seen in training stays near the training culprits instead of where a Gaussian kernel decays to
   * nothing.
   */
  public static double squash(double z) {
    return SQUASH * Math.tanh(z / SQUASH);
  }

  /** The bound of {@link #squash}, in standard deviations. */
  public static final double SQUASH = 3;

  /** Ranks the services of a window against its reference. */
  public Ranking rank(WindowStats window, WindowStats reference) {
    return rank(features(window, reference));
  }

  public Ranking rank(WindowFeatures f) {
    if (!f.features().equals(features)) {
      throw new IllegalArgumentException("features " + f.features() + " are not the model's");
    }
    int n = f.services().size();
    double[] scores = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      double s = score(f.x()[i]);
      scores[i] = Double.isFinite(s) ? s : Double.NEGATIVE_INFINITY;
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
    List<String> ranked = new ArrayList<>(n);
    double[] sorted = new double[n];
    Set<String> critical = new LinkedHashSet<>();
    for (int k = 0; k < n; k++) {
      String s = f.services().get(order[k]);
      ranked.add(s);
      sorted[k] = scores[order[k]];
      if (sorted[k] > threshold) {
        critical.add(s);
      }
    }
    return new Ranking(ranked, sorted, critical);
  }
}
