package dev.trimtab.cli.rca;

import dev.trimtab.cli.Progress;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.TextTable;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.Source;
import dev.trimtab.rca.model.Degeneracy;
import dev.trimtab.rca.model.ModelFile;
import dev.trimtab.rca.model.RcaModel;
import dev.trimtab.rca.model.RcaTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trimtab rca train}: fit a classifier on labelled windows and save it. */
@Command(
    name = "train",
    sortOptions = false,
    description = {
      "Train the culprit classifier on labelled windows of one or more sources and write the"
          + " model file (docs/formats/rca-model.md). Refuses a model that learned nothing,"
          + " naming the sources and fault kinds without signal.",
      ""
    })
final class RcaTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions data;

  @Mixin TrainingFlags training;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file.")
  Path out;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar (it is drawn on stderr only when that is a terminal).")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    var options = training.options(spec);
    Path target = OutputPaths.file(spec, "--out", out);
    List<Source> sources;
    try (BarProgress p = new BarProgress("rca train: data", " windows", quiet)) {
      sources = data.sources(spec, p);
    }
    RcaModel model;
    try (Progress p = Progress.start("rca train: fitting", 1, " models", quiet)) {
      model = RcaTrainer.train(sources, options);
      p.step();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(data.describe(), "", e.getMessage());
    }
    var info = new java.util.LinkedHashMap<>(model.training());
    info.put("data", data.describe());
    model = model.with(model.threshold(), info);
    ModelFile.write(model, target);
    List<LabelledWindow> windows = DataOptions.windows(sources);
    long faulty = windows.stream().filter(LabelledWindow::faulty).count();
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        new TextTable("model", "kind", "windows", "with culprit", "support vectors")
            .row(
                out.toString(),
                model.kind().id(),
                Integer.toString(windows.size()),
                Long.toString(faulty),
                Integer.toString(model.supportVectors().length))
            .render());
    TextTable fit =
        new TextTable("source", "fault kind", "windows", "top1", "top3", "chance top3", "");
    List<Degeneracy.Fit> fits = Degeneracy.fit(model, sources);
    List<String> lacking =
        fits.stream()
            .filter(Degeneracy.Fit::lacksSignal)
            .map(f -> f.faultKind() + " in " + f.source())
            .toList();
    for (Degeneracy.Fit f : fits) {
      fit.row(
          f.source(),
          f.faultKind(),
          Integer.toString(f.windows()),
          Numbers.fixed(f.top1(), 3),
          Numbers.fixed(f.top3(), 3),
          Numbers.fixed(f.chanceTop3(), 3),
          f.lacksSignal() ? "no signal" : "");
    }
    o.println("Fit on the training windows (not a held-out score):");
    o.print(fit.render());
    o.flush();
    if (!lacking.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "trimtab: warning: the model ranks these fault kinds no better than chance on its own"
              + " training windows: "
              + String.join(", ", lacking));
      err.flush();
    }
    return 0;
  }
}
