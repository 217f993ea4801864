package dev.trimtab.rca.model;

import dev.trimtab.rca.feature.Feature;
import java.util.List;

/**
 * How to train a classifier. Validated here, as Smile validates its hyperparameter records.
 *
 * @param kind the model kind
 * @param features the features to use, in column order
 * @param c the SVM's soft-margin penalty (positives get {@code c * positiveWeight})
 * @param sigma Gaussian kernel width, in standardised feature units
 * @param positiveWeight extra penalty weight of culprit rows, against class imbalance
 * @param hardNegatives per window, the non-culprit rows with the largest feature norm kept
 * @param randomNegatives per window, further non-culprit rows drawn at random
 * @param epochs passes over the rows (LASVM epochs, or incremental epochs)
 * @param batchSize mini-batch size of the incremental mode (FIRM: 256)
 * @param lambda L2 penalty of the incremental mode
 * @param seed seeds row sampling, shuffling and Smile's generator
 * @param balance whether each source (dataset or simulation), and within it each fault kind, weighs
 *     the same in training, however many windows it has ({@link RcaTrainer#train})
 */
public record TrainOptions(
    ModelKind kind,
    List<Feature> features,
    double c,
    double sigma,
    double positiveWeight,
    int hardNegatives,
    int randomNegatives,
    int epochs,
    int batchSize,
    double lambda,
    long seed,
    boolean balance,
    boolean relative) {

  public TrainOptions {
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("at least one feature");
    }
    if (!(c > 0)
        || !(sigma > 0)
        || !(positiveWeight > 0)
        || hardNegatives < 0
        || randomNegatives < 0
        || epochs < 1
        || batchSize < 1
        || !(lambda > 0)) {
      throw new IllegalArgumentException("bad training options " + this);
    }
  }

  /**
   * The features used unless chosen: all but {@code presence_change}, which did not measurably help
   * in the ablation (docs/rca.md).
   */
  public static final List<Feature> DEFAULT_FEATURES =
      List.of(
          Feature.RI,
          Feature.CI,
          Feature.SELF_CHANGE,
          Feature.INBOUND_CHANGE,
          Feature.SHARE_CHANGE,
          Feature.ERROR_ORIGIN);

  /**
   * The features for traces with metrics and logs (real data): every modality's change features,
   * without FIRM's RI and CI (they measure a service's variability, not a change) and without span
   * errors (Nezha's traces carry no status). Chosen in docs/rca.md ("Real data").
   */
  public static final List<Feature> EVIDENCE_FEATURES =
      List.of(
          Feature.SELF_CHANGE,
          Feature.INBOUND_CHANGE,
          Feature.SHARE_CHANGE,
          Feature.HOP_CHANGE,
          Feature.RESPONSE_SHIFT,
          Feature.FANOUT_SHIFT,
          Feature.CPU_CHANGE,
          Feature.MEMORY_CHANGE,
          Feature.SUCCESS_DROP,
          Feature.CLIENT_GAP_CHANGE,
          Feature.ERROR_LOG_CHANGE);

  /** Defaults chosen on the training scenarios (docs/rca.md): C 4, sigma 8. */
  public static TrainOptions defaults(ModelKind kind, long seed) {
    return new TrainOptions(kind, DEFAULT_FEATURES, 4, 8, 2, 4, 2, 2, 256, 1e-3, seed, true, false);
  }

  public TrainOptions withFeatures(List<Feature> f) {
    return new TrainOptions(
        kind,
        f,
        c,
        sigma,
        positiveWeight,
        hardNegatives,
        randomNegatives,
        epochs,
        batchSize,
        lambda,
        seed,
        balance,
        relative);
  }

  public TrainOptions withKind(ModelKind k) {
    return new TrainOptions(
        k,
        features,
        c,
        sigma,
        positiveWeight,
        hardNegatives,
        randomNegatives,
        epochs,
        batchSize,
        lambda,
        seed,
        balance,
        relative);
  }
}
