package dev.trimtab.cli.rca;

import dev.trimtab.cli.Progress;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.rca.data.LabelledWindow;
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
          + " training options.",
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
    if ((model == null) == (folds == null)) {
      throw new ParameterException(spec.commandLine(), "give exactly one of --model and --folds");
    }
    if (folds != null && folds < 2) {
      throw new ParameterException(spec.commandLine(), "--folds must be >= 2");
    }
    var options = folds == null ? null : training.options(spec);
    Path dir = out == null ? null : OutputPaths.folder(spec, "--out", out);
    RcaModel m = model == null ? null : ModelFile.read(Inputs.resolve(model));
    List<LabelledWindow> windows;
    try (BarProgress p = new BarProgress("rca eval: data", " windows", quiet)) {
      windows = data.windows(spec, p);
    }
    Evaluation e;
    try (Progress p = Progress.start("rca eval", m != null ? 1 : folds, " models", quiet)) {
      if (m != null) {
        e = Evaluation.of(m, windows);
        p.step();
      } else {
        e = CrossValidation.run(windows, options, folds, p::step);
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
          m != null ? model.toString() : "cross-validation, " + folds + " folds, " + options;
      AtomicFile.write(dir.resolve("rca-eval.json"), EvalReport.json(e, what, data.describe()));
    }
    return 0;
  }
}
