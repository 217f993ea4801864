package dev.trimtab.cli.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trimtab.cli.output.Json;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.score.DetectionScore;
import dev.trimtab.faults.score.IntervalSample;
import dev.trimtab.faults.score.LocalizationScore;
import dev.trimtab.faults.score.MitigationScore;
import dev.trimtab.faults.spec.FaultSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One saved run of an evaluation ({@code runs/*.json} in its folder), exact: every number is
 * written as the shortest decimal that reads back to the same double (non-finite ones as the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), so a resumed evaluation rebuilds
 * byte-identical leaderboards. Interval samples are stored by column. Each file carries the id of
 * the plan it belongs to ({@link EvalIdentity}); a fault's spec is not stored but taken from the
 * problem's campaign by its index.
 */
public final class EvalRunJson {
  /** The format's name and version, the first field of every file. */
  public static final String FORMAT = "trimtab-eval-run/1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EvalRunJson() {}

  /** The run as a file of the plan {@code planId}. */
  public static String render(EvalRun run, String planId) {
    return Json.pretty(
        out -> {
          out.writeStringField("format", FORMAT);
          out.writeStringField("plan", planId);
          out.writeStringField("problem", run.problem());
          out.writeStringField("controller", run.controller());
          out.writeNumberField("seed", run.seed());
          DetectionScore d = run.detection();
          out.writeObjectFieldStart("detection");
          out.writeBooleanField("faulted", d.faulted());
          out.writeBooleanField("correct", d.correct());
          exact(out, "time_to_detect_s", d.timeToDetectS());
          exact(out, "first_alarm_s", d.firstAlarmS());
          out.writeEndObject();
          LocalizationScore l = run.localization();
          if (l == null) {
            out.writeNullField("localization");
          } else {
            out.writeObjectFieldStart("localization");
            strings(out, "truth", l.truth());
            strings(out, "answer", l.answer());
            out.writeBooleanField("top1", l.top1());
            out.writeBooleanField("top3", l.top3());
            exact(out, "time_to_localize_s", l.timeToLocalizeS());
            out.writeEndObject();
          }
          MitigationScore m = run.mitigation();
          out.writeObjectFieldStart("mitigation");
          exact(out, "slo_violation_s", m.sloViolationS());
          exact(out, "time_to_mitigate_s", m.timeToMitigateS());
          exact(out, "cpu_core_s", m.cpuCoreS());
          exact(out, "memory_mib_s", m.memoryMiBS());
          exact(out, "energy_j", m.energyJ());
          exact(out, "carbon_g", m.carbonG());
          exact(out, "p99_ms", m.p99Ms());
          out.writeEndObject();
          out.writeArrayFieldStart("truth");
          for (GroundTruth t : run.truth()) {
            out.writeStartObject();
            out.writeNumberField("index", t.faultIndex());
            out.writeStringField("kind", t.kind().yamlName());
            strings(out, "services", t.services());
            exact(out, "start_ms", t.startMs());
            exact(out, "end_ms", t.endMs());
            exact(out, "intensity", t.intensity());
            out.writeEndObject();
          }
          out.writeEndArray();
          samples(out, run.samples());
        });
  }

  private static void samples(JsonGenerator out, List<IntervalSample> samples) throws IOException {
    out.writeObjectFieldStart("samples");
    out.writeArrayFieldStart("start_s");
    for (IntervalSample s : samples) {
      exact(out, s.startS());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("end_s");
    for (IntervalSample s : samples) {
      exact(out, s.endS());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("slo_violated");
    for (IntervalSample s : samples) {
      out.writeBoolean(s.sloViolated());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("p99_ms");
    for (IntervalSample s : samples) {
      exact(out, s.p99Ms());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("cpu_cores_allocated");
    for (IntervalSample s : samples) {
      exact(out, s.cpuCoresAllocated());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("replicas");
    for (IntervalSample s : samples) {
      out.writeNumber(s.replicas());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("memory_mib_allocated");
    for (IntervalSample s : samples) {
      exact(out, s.memoryMiBAllocated());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("alarm");
    for (IntervalSample s : samples) {
      out.writeBoolean(s.alarm());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("top_suspects");
    for (IntervalSample s : samples) {
      out.writeStartArray();
      for (String name : s.topSuspects()) {
        out.writeString(name);
      }
      out.writeEndArray();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  /** What a file says it is before it is read whole: its format, plan and run. */
  public record Header(String format, String plan, EvalRun.Key key) {}

  /**
   * Reads a saved run of {@code problem} (whose campaign gives the faults' specs).
   *
   * @throws IllegalArgumentException saying what is wrong, for text that is not such a run
   */
  public static EvalRun parse(String text, Problem problem) {
    JsonNode root = tree(text);
    try {
      Header h = header(root);
      JsonNode d = need(root, "detection");
      DetectionScore detection =
          new DetectionScore(
              bool(d, "faulted"),
              bool(d, "correct"),
              num(d, "time_to_detect_s"),
              num(d, "first_alarm_s"));
      JsonNode l = need(root, "localization");
      LocalizationScore localization =
          l.isNull()
              ? null
              : new LocalizationScore(
                  strings(need(l, "truth")),
                  strings(need(l, "answer")),
                  bool(l, "top1"),
                  bool(l, "top3"),
                  num(l, "time_to_localize_s"));
      JsonNode m = need(root, "mitigation");
      MitigationScore mitigation =
          new MitigationScore(
              num(m, "slo_violation_s"),
              num(m, "time_to_mitigate_s"),
              num(m, "cpu_core_s"),
              num(m, "memory_mib_s"),
              num(m, "energy_j"),
              num(m, "carbon_g"),
              num(m, "p99_ms"));
      List<GroundTruth> truth = new ArrayList<>();
      for (JsonNode t : need(root, "truth")) {
        int index = need(t, "index").asInt();
        List<FaultSpec> faults = problem.campaign().faults();
        if (index < 0 || index >= faults.size()) {
          throw new IllegalArgumentException("fault index " + index + " is not in the campaign");
        }
        FaultSpec spec = faults.get(index);
        if (!spec.kind().yamlName().equals(need(t, "kind").asText())) {
          throw new IllegalArgumentException(
              "fault " + index + " is " + spec.kind().yamlName() + " in the campaign");
        }
        truth.add(
            new GroundTruth(
                index,
                spec.kind(),
                strings(need(t, "services")),
                num(t, "start_ms"),
                num(t, "end_ms"),
                num(t, "intensity"),
                spec));
      }
      return new EvalRun(
          h.key().problem(),
          h.key().controller(),
          h.key().seed(),
          samples(need(root, "samples")),
          truth,
          detection,
          localization,
          mitigation);
    } catch (RuntimeException e) {
      throw e instanceof IllegalArgumentException ? e : new IllegalArgumentException(e.toString());
    }
  }

  /** The header of a saved run, read without its problem. */
  public static Header header(String text) {
    return header(tree(text));
  }

  private static Header header(JsonNode root) {
    String format = need(root, "format").asText();
    if (!format.equals(FORMAT)) {
      throw new IllegalArgumentException("format '" + format + "', expected '" + FORMAT + "'");
    }
    String plan = need(root, "plan").asText();
    String problem = need(root, "problem").asText();
    String controller = need(root, "controller").asText();
    JsonNode seed = need(root, "seed");
    if (!seed.canConvertToLong()) {
      throw new IllegalArgumentException("seed " + seed + " is not a 64-bit integer");
    }
    return new Header(format, plan, new EvalRun.Key(problem, controller, seed.asLong()));
  }

  private static JsonNode tree(String text) {
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static List<IntervalSample> samples(JsonNode s) {
    JsonNode start = need(s, "start_s");
    int n = start.size();
    JsonNode end = column(s, "end_s", n);
    JsonNode violated = column(s, "slo_violated", n);
    JsonNode p99 = column(s, "p99_ms", n);
    JsonNode cores = column(s, "cpu_cores_allocated", n);
    JsonNode replicas = column(s, "replicas", n);
    JsonNode memory = column(s, "memory_mib_allocated", n);
    JsonNode alarm = column(s, "alarm", n);
    JsonNode suspects = column(s, "top_suspects", n);
    List<IntervalSample> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          new IntervalSample(
              num(start.get(i)),
              num(end.get(i)),
              violated.get(i).asBoolean(),
              num(p99.get(i)),
              num(cores.get(i)),
              replicas.get(i).asInt(),
              num(memory.get(i)),
              alarm.get(i).asBoolean(),
              strings(suspects.get(i))));
    }
    return out;
  }

  private static JsonNode column(JsonNode s, String name, int n) {
    JsonNode c = need(s, name);
    if (!c.isArray() || c.size() != n) {
      throw new IllegalArgumentException("samples." + name + " does not have " + n + " values");
    }
    return c;
  }

  private static JsonNode need(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      throw new IllegalArgumentException("no field '" + field + "'");
    }
    return v;
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode v = need(node, field);
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("'" + field + "' is not true or false");
    }
    return v.asBoolean();
  }

  private static double num(JsonNode node, String field) {
    return num(need(node, field));
  }

  private static double num(JsonNode v) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      switch (v.asText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(v + " is not a number");
  }

  private static List<String> strings(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException(array + " is not a list");
    }
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode v : array) {
      out.add(v.asText());
    }
    return out;
  }

  private static void exact(JsonGenerator out, String key, double value) throws IOException {
    out.writeFieldName(key);
    exact(out, value);
  }

  private static void exact(JsonGenerator out, double value) throws IOException {
    if (Double.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(Double.toString(value));
    }
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
