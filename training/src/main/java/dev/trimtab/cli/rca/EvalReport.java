package dev.trimtab.cli.rca;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trimtab.cli.output.Json;
import dev.trimtab.cli.output.Numbers;
import dev.trimtab.cli.output.TextTable;
import dev.trimtab.rca.eval.Evaluation;
import dev.trimtab.rca.eval.GroupScore;
import java.io.IOException;
import java.util.Map;

/** The evaluation as a text table and as {@code rca-eval.json} (docs/rca.md). */
final class EvalReport {
  private EvalReport() {}

  static String table(Evaluation e) {
    TextTable t =
        new TextTable(
            "group",
            "windows",
            "faulty",
            "top1",
            "top3",
            "top5",
            "precision",
            "recall",
            "p99 top1/3",
            "rise top1/3");
    row(t, "all", e.all());
    e.byTopology().forEach((k, v) -> row(t, k, v));
    e.byFaultType().forEach((k, v) -> row(t, k, v));
    if (e.byTopology().size() > 1) {
      e.byTopologyAndFault()
          .forEach((app, kinds) -> kinds.forEach((k, v) -> row(t, app + " / " + k, v)));
    }
    return t.render()
        + String.format(java.util.Locale.ROOT, "ms per window: %.3f%n", e.msPerWindow());
  }

  private static void row(TextTable t, String name, GroupScore g) {
    t.row(
        name,
        Integer.toString(g.windows()),
        Integer.toString(g.faultyWindows()),
        f(g.top1()),
        f(g.top3()),
        f(g.top5()),
        f(g.precision()),
        f(g.recall()),
        f(g.p99Top1()) + " / " + f(g.p99Top3()),
        f(g.riseTop1()) + " / " + f(g.riseTop3()));
  }

  private static String f(double v) {
    return Double.isFinite(v) ? Numbers.fixed(v, 3) : "-";
  }

  static String json(Evaluation e, String model, String data) {
    return Json.pretty(
        out -> {
          out.writeStringField("model", model);
          out.writeStringField("data", data);
          group(out, e.all());
          out.writeObjectFieldStart("by_application");
          groups(out, e.byTopology());
          out.writeEndObject();
          out.writeObjectFieldStart("by_fault_type");
          groups(out, e.byFaultType());
          out.writeEndObject();
          out.writeObjectFieldStart("by_application_and_fault_type");
          for (var app : e.byTopologyAndFault().entrySet()) {
            out.writeObjectFieldStart(app.getKey());
            groups(out, app.getValue());
            out.writeEndObject();
          }
          out.writeEndObject();
        });
  }

  private static void groups(JsonGenerator out, Map<String, GroupScore> m) throws IOException {
    for (var en : m.entrySet()) {
      out.writeObjectFieldStart(en.getKey());
      group(out, en.getValue());
      out.writeEndObject();
    }
  }

  private static void group(JsonGenerator out, GroupScore g) throws IOException {
    out.writeNumberField("windows", g.windows());
    out.writeNumberField("faulty_windows", g.faultyWindows());
    Json.fixed(out, "top1", g.top1(), 4);
    Json.fixed(out, "top3", g.top3(), 4);
    Json.fixed(out, "top5", g.top5(), 4);
    Json.fixed(out, "precision", g.precision(), 4);
    Json.fixed(out, "recall", g.recall(), 4);
    out.writeObjectFieldStart("baselines");
    out.writeObjectFieldStart("highest_p99");
    Json.fixed(out, "top1", g.p99Top1(), 4);
    Json.fixed(out, "top3", g.p99Top3(), 4);
    Json.fixed(out, "top5", g.p99Top5(), 4);
    out.writeEndObject();
    out.writeObjectFieldStart("largest_rise");
    Json.fixed(out, "top1", g.riseTop1(), 4);
    Json.fixed(out, "top3", g.riseTop3(), 4);
    Json.fixed(out, "top5", g.riseTop5(), 4);
    out.writeEndObject();
    out.writeEndObject();
  }
}
