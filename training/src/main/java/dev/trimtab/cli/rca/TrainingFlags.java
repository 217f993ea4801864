package dev.trimtab.cli.rca;

import dev.trimtab.rca.feature.Feature;
import dev.trimtab.rca.model.ModelKind;
import dev.trimtab.rca.model.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The classifier's options, shared by {@code rca train} and cross-validating {@code rca eval}. */
final class TrainingFlags {
  @Option(
      names = "--kind",
      defaultValue = "linear-svm",
      paramLabel = "KIND",
      description = "linear-svm, gaussian-svm or incremental (default: ${DEFAULT-VALUE}).")
  String kind;

  @Option(
      names = "--features",
      paramLabel = "LIST",
      description =
          "Comma-separated features, or a set: traces (the default: ri, ci, self_change,"
              + " inbound_change, share_change, error_origin) or evidence (traces, metrics and"
              + " logs: docs/rca.md). Ids: docs/rca.md#features.")
  String features;

  @Option(names = "--c", paramLabel = "C", description = "SVM penalty (default: 4).")
  Double c;

  @Option(names = "--sigma", paramLabel = "S", description = "Gaussian width (default: 8).")
  Double sigma;

  @Option(
      names = "--model-seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Seed of row sampling and Smile's generator (default: ${DEFAULT-VALUE}).")
  long modelSeed;

  @Option(
      names = "--no-balance",
      description =
          "Weigh every window the same (default: each source, and each fault kind within it,"
              + " weighs the same).")
  boolean noBalance;

  @Option(
      names = "--relative",
      description =
          "Take each feature relative to the window's other services (how far a service stands"
              + " out) before scoring.")
  boolean relative;

  TrainOptions options(CommandSpec spec) {
    ModelKind k = ModelKind.fromId(kind);
    if (k == null) {
      throw new ParameterException(spec.commandLine(), "--kind must be one of " + ModelKind.ids());
    }
    TrainOptions d = TrainOptions.defaults(k, modelSeed);
    List<Feature> fs = d.features();
    if ("evidence".equals(features)) {
      fs = TrainOptions.EVIDENCE_FEATURES;
    } else if (features != null && !"traces".equals(features)) {
      fs = new ArrayList<>();
      for (String id : features.split(",")) {
        Feature f = Feature.fromId(id.trim());
        if (f == null) {
          throw new ParameterException(
              spec.commandLine(),
              "unknown feature '"
                  + id
                  + "'; known: "
                  + Feature.all().stream().map(Feature::id).toList());
        }
        fs.add(f);
      }
    }
    try {
      return new TrainOptions(
          k,
          fs,
          c == null ? d.c() : c,
          sigma == null ? d.sigma() : sigma,
          d.positiveWeight(),
          d.hardNegatives(),
          d.randomNegatives(),
          d.epochs(),
          d.batchSize(),
          d.lambda(),
          modelSeed,
          !noBalance,
          relative);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--c and --sigma must be > 0");
    }
  }
}
