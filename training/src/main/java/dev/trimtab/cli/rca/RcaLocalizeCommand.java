package dev.trimtab.cli.rca;

import dev.trimtab.cli.output.Json;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.rca.feature.WindowStats;
import dev.trimtab.rca.io.TraceFiles;
import dev.trimtab.rca.io.TraceFormat;
import dev.trimtab.rca.model.ModelFile;
import dev.trimtab.rca.model.Ranking;
import dev.trimtab.rca.model.RcaModel;
import dev.trimtab.rca.trace.ImportLimits;
import dev.trimtab.rca.trace.ImportReport;
import dev.trimtab.rca.trace.Trace;
import dev.trimtab.rca.trace.TraceBatch;
import dev.trimtab.rca.trace.TraceFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab rca localize}: rank the services of one trace file. */
@Command(
    name = "localize",
    sortOptions = false,
    description = {
      "Rank the services of a trace file (OTLP JSON, Jaeger JSON, Zipkin v2 JSON or Nezha CSV)"
          + " by the model's score and print them as JSON, most suspect first.",
      "The features compare the traces with a fault-free reference: --reference FILE, or else the"
          + " earliest --reference-share of the file's traces (by start).",
      ""
    })
final class RcaLocalizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file.")
  Path model;

  @Option(names = "--traces", required = true, paramLabel = "FILE", description = "Trace file.")
  Path traces;

  @Option(names = "--reference", paramLabel = "FILE", description = "Fault-free trace file.")
  Path reference;

  @Option(
      names = "--reference-share",
      defaultValue = "0.3",
      paramLabel = "SHARE",
      description =
          "Without --reference: share of earliest traces used as reference"
              + " (default: ${DEFAULT-VALUE}).")
  double referenceShare;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "otlp-json, jaeger-json, zipkin-json or nezha-csv (default: detected).")
  String format;

  @Override
  public Integer call() {
    RcaModel m = ModelFile.read(Inputs.resolve(model));
    TraceFormat f = format == null ? null : TraceFormat.fromId(format);
    if (format != null && f == null) {
      throw new ParameterException(
          spec.commandLine(), "--format must be one of " + TraceFormat.ids());
    }
    if (!(referenceShare > 0 && referenceShare < 1)) {
      throw new ParameterException(spec.commandLine(), "--reference-share must be in (0, 1)");
    }
    TraceBatch batch = read(traces, f);
    List<Trace> window = new ArrayList<>(batch.traces());
    List<Trace> ref;
    if (reference != null) {
      ref = read(reference, f).traces();
    } else {
      window.sort(Comparator.comparingLong(t -> t.root().startNanos()));
      int cut = (int) Math.round(window.size() * referenceShare);
      ref = new ArrayList<>(window.subList(0, cut));
      window = new ArrayList<>(window.subList(cut, window.size()));
    }
    if (window.isEmpty() || ref.isEmpty()) {
      throw new ConfigException(
          traces.toString(), "", "too few whole traces to rank: " + batch.report().summary());
    }
    Ranking r = m.rank(WindowStats.of(window), WindowStats.of(ref));
    ImportReport report = batch.report();
    int traceCount = window.size();
    int refCount = ref.size();
    spec.commandLine()
        .getOut()
        .print(
            Json.pretty(
                out -> {
                  out.writeNumberField("traces", traceCount);
                  out.writeNumberField("reference_traces", refCount);
                  out.writeNumberField("skipped_spans", report.skippedTotal());
                  out.writeArrayFieldStart("services");
                  for (int i = 0; i < r.services().size(); i++) {
                    out.writeStartObject();
                    out.writeStringField("service", r.services().get(i));
                    Json.fixed(out, "score", r.scores()[i], 4);
                    out.writeBooleanField("critical", r.critical().contains(r.services().get(i)));
                    out.writeEndObject();
                  }
                  out.writeEndArray();
                }));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static TraceBatch read(Path file, TraceFormat f) {
    try {
      return TraceFiles.read(List.of(Inputs.resolve(file)), f, ImportLimits.DEFAULT);
    } catch (TraceFormatException e) {
      throw new ConfigException(e.source(), e.where(), e.problem());
    }
  }
}
