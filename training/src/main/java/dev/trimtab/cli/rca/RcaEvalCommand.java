package dev.trimtab.cli.rca;

import dev.trimtab.cli.Progress;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.Source;
import dev.trimtab.rca.eval.CrossValidation;
import dev.trimtab.rca.eval.Evaluation;
import dev.trimtab.rca.model.ModelFile;
import dev.trimtab.rca.model.RcaModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab rca eval}: score a model, and both baselines, on labelled windows. */
@Command(
    name = "eval",
    sortOptions = false,
    description = {
      "Score a model on labelled windows against two baselines (highest p99; largest rise"
          + " against the fault-free reference): top-1 and top-3 of the culprit, precision and"
          + " recall of the critical flag, per application and fault kind.",
      "With --folds K instead of --model: K-fold cross-validation by case, training with the"
          + " training options. With --hold-out application|day instead: each application (or"
          + " dataset folder) is scored by a model trained on every other source, simulated ones"
          + " included.",
      ""
    })
final class RcaEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "MODEL", description = "Model file.")
  Path model;

  @Option(
      names = "--folds",
      paramLabel = "K",
      description = "Cross-validate with K folds (cases split by run name) instead of --model.")
  Integer folds;

  @Option(
      names = "--hold-out",
      paramLabel = "WHAT",
      description =
          "Leave one group out: application (cross-application) or day (each dataset folder)"
              + " instead of --model.")
  String holdOut;

  @Mixin DataOptions data;

  @Mixin TrainingFlags training;

  @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/rca-eval.json.")
  Path out;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar (it is drawn on stderr only when that is a terminal).")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    int modes = (model == null ? 0 : 1) + (folds == null ? 0 : 1) + (holdOut == null ? 0 : 1);
    if (modes != 1) {
      throw new ParameterException(
          spec.commandLine(), "give exactly one of --model, --folds and --hold-out");
    }
    if (folds != null && folds < 2) {
      throw new ParameterException(spec.commandLine(), "--folds must be >= 2");
    }
    CrossValidation.HoldOut by = null;
    if (holdOut != null) {
      by =
          switch (holdOut) {
            case "application" -> CrossValidation.HoldOut.APPLICATION;
            case "day" -> CrossValidation.HoldOut.DAY;
            default ->
                throw new ParameterException(
                    spec.commandLine(), "--hold-out must be application or day");
          };
    }
    var options = model != null ? null : training.options(spec);
    Path dir = out == null ? null : OutputPaths.folder(spec, "--out", out);
    RcaModel m = model == null ? null : ModelFile.read(Inputs.resolve(model));
    List<Source> sources;
    try (BarProgress p = new BarProgress("rca eval: data", " windows", quiet)) {
      sources = data.sources(spec, p);
    }
    List<LabelledWindow> windows = DataOptions.windows(sources);
    Evaluation e;
    int models = m != null ? 1 : folds != null ? folds : CrossValidation.groups(sources, by);
    try (Progress p = Progress.start("rca eval", Math.max(1, models), " models", quiet)) {
      if (m != null) {
        e = Evaluation.of(m, windows);
        p.step();
      } else if (folds != null) {
        e = CrossValidation.run(windows, options, folds, p::step);
      } else {
        e = CrossValidation.holdOut(sources, options, by, p::step);
      }
    } catch (IllegalArgumentException ex) {
      throw new ConfigException(data.describe(), "", ex.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    o.print(EvalReport.table(e));
    o.flush();
    if (dir != null) {
      Files.createDirectories(dir);
      String what =
          m != null
              ? model.toString()
              : folds != null
                  ? "cross-validation, " + folds + " folds, " + options
                  : "held out by " + holdOut + ", " + options;
      AtomicFile.write(dir.resolve("rca-eval.json"), EvalReport.json(e, what, data.describe()));
    }
    return 0;
  }
}
