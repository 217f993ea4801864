package dev.trimtab.cli.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trimtab.cli.output.Json;
import dev.trimtab.faults.score.DetectionScore;
import dev.trimtab.faults.score.LocalizationScore;
import dev.trimtab.faults.score.MitigationScore;
import java.io.IOException;
import java.util.List;

/**
 * {@code leaderboard.json}: the plan, a row per problem × controller × seed with every score, and a
 * summary per controller. Numbers have fixed decimals; a score that does not exist for a run (time
 * to detect when nothing was detected) is {@code null}. Nothing in it depends on the wall clock,
 * the machine or the thread count, so the same plan gives the same bytes.
 */
public final class LeaderboardJson {
  public static final String FILE = "leaderboard.json";

  private LeaderboardJson() {}

  public static String render(Leaderboard board) {
    EvalPlan plan = board.plan();
    return Json.pretty(
        out -> {
          out.writeStringField("suite", plan.suite().name());
          out.writeNumberField("problems", plan.suite().problems().size());
          strings(out, "controllers", plan.controllers());
          out.writeArrayFieldStart("seeds");
          for (long seed : plan.seeds()) {
            out.writeNumber(seed);
          }
          out.writeEndArray();
          out.writeStringField("detector", Evaluation.DETECTOR);
          out.writeStringField("localizer", plan.localizer().name());
          out.writeArrayFieldStart("rows");
          for (Leaderboard.Row row : board.rows()) {
            out.writeStartObject();
            row(out, row);
            out.writeEndObject();
          }
          out.writeEndArray();
          out.writeArrayFieldStart("summary");
          for (Summary s : board.summaries()) {
            out.writeStartObject();
            summary(out, s);
            out.writeEndObject();
          }
          out.writeEndArray();
        });
  }

  private static void row(JsonGenerator out, Leaderboard.Row row) throws IOException {
    EvalRun o = row.outcome();
    out.writeStringField("problem", o.problem());
    out.writeStringField("task", row.task().yamlName());
    out.writeStringField("controller", o.controller());
    out.writeNumberField("seed", o.seed());
    DetectionScore d = o.detection();
    out.writeBooleanField("faulted", d.faulted());
    out.writeBooleanField("detection_correct", d.correct());
    Json.fixed(out, "time_to_detect_s", d.timeToDetectS(), 3);
    Json.fixed(out, "first_alarm_s", d.firstAlarmS(), 3);
    LocalizationScore l = o.localization();
    if (l == null) {
      out.writeNullField("localization_truth");
      out.writeNullField("localization_answer");
      out.writeNullField("top1");
      out.writeNullField("top3");
      out.writeNullField("time_to_localize_s");
    } else {
      strings(out, "localization_truth", l.truth());
      strings(out, "localization_answer", l.answer());
      out.writeBooleanField("top1", l.top1());
      out.writeBooleanField("top3", l.top3());
      Json.fixed(out, "time_to_localize_s", l.timeToLocalizeS(), 3);
    }
    MitigationScore m = o.mitigation();
    Json.fixed(out, "slo_violation_s", m.sloViolationS(), 3);
    Json.fixed(out, "time_to_mitigate_s", m.timeToMitigateS(), 3);
    out.writeBooleanField("mitigated", m.mitigated());
    Json.fixed(out, "cpu_core_s", m.cpuCoreS(), 3);
    Json.fixed(out, "memory_mib_s", m.memoryMiBS(), 1);
    Json.fixed(out, "energy_j", m.energyJ(), 1);
    Json.fixed(out, "carbon_g", m.carbonG(), 4);
    Json.fixed(out, "p99_ms", m.p99Ms(), 3);
  }

  private static void summary(JsonGenerator out, Summary s) throws IOException {
    out.writeStringField("controller", s.controller());
    out.writeNumberField("runs", s.runs());
    out.writeNumberField("detection_runs", s.detectionRuns());
    Json.fixed(out, "detection_accuracy", s.detectionAccuracy(), 4);
    Json.fixed(out, "mean_time_to_detect_s", s.meanTimeToDetectS(), 3);
    out.writeNumberField("localization_runs", s.localizationRuns());
    Json.fixed(out, "top1_accuracy", s.top1Accuracy(), 4);
    Json.fixed(out, "top3_accuracy", s.top3Accuracy(), 4);
    Json.fixed(out, "mean_time_to_localize_s", s.meanTimeToLocalizeS(), 3);
    out.writeNumberField("mitigation_runs", s.mitigationRuns());
    Json.fixed(out, "mean_slo_violation_s", s.meanSloViolationS(), 3);
    Json.fixed(out, "mean_time_to_mitigate_s", s.meanTimeToMitigateS(), 3);
    out.writeNumberField("unmitigated", s.unmitigated());
    Json.fixed(out, "mean_cpu_core_s", s.meanCpuCoreS(), 3);
    Json.fixed(out, "mean_memory_mib_s", s.meanMemoryMiBS(), 1);
    Json.fixed(out, "mean_energy_j", s.meanEnergyJ(), 1);
    Json.fixed(out, "mean_carbon_g", s.meanCarbonG(), 4);
  }

  private static void strings(JsonGenerator out, String key, List<String> values)
      throws IOException {
    out.writeArrayFieldStart(key);
    for (String v : values) {
      out.writeString(v);
    }
    out.writeEndArray();
  }
}
