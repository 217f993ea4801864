package dev.trimtab.rca.data;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.Limits;
import dev.trimtab.env.config.YamlField;
import dev.trimtab.env.config.YamlReader;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.FaultSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a scenario file ({@code docs/formats/rca-scenarios.md}), or a bundled one by name: {@code
 * sim-train} (every service fault kind that shows in traces, on the four bundled applications) and
 * {@code loc-basic} (the localization problems of the chaos-basic suite, copied until the suite
 * format lands).
 */
public final class ScenarioLoader {
  public static final List<String> BUNDLED = List.of("sim-train", "loc-basic");

  /** Most scenarios a file may expand to (a {@code kinds} list makes one per kind). */
  public static final int MAX_SCENARIOS = 10_000;

  private static final List<String> TOP = List.of("name", "scenarios");
  private static final List<String> FIELDS =
      List.of("name", "topology", "workload", "durationS", "campaign", "generate");
  private static final List<String> GENERATE =
      List.of("kind", "kinds", "startS", "durationS", "services");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final String NAME_TEXT =
      "a name of letters, digits, '.', '_' and '-' (no '/'), at most 128 characters";

  private ScenarioLoader() {}

  /** A bundled scenario list by name, or a file. */
  public static List<Scenario> resolve(String nameOrFile) {
    if (BUNDLED.contains(nameOrFile)) {
      String res = "/dev/trimtab/rca/scenarios/" + nameOrFile + ".yaml";
      try (InputStream in = ScenarioLoader.class.getResourceAsStream(res)) {
        return parse(
            new String(in.readAllBytes(), StandardCharsets.UTF_8),
            "bundled:" + nameOrFile,
            Path.of("."));
      } catch (IOException e) {
        throw new IllegalStateException("bundled scenarios " + nameOrFile + " unreadable", e);
      }
    }
    Path file = Path.of(nameOrFile);
    if (!Files.exists(file)) {
      throw new ConfigException(
          nameOrFile, "", "no such scenario file; bundled scenario lists: " + BUNDLED);
    }
    return bind(
        YamlReader.read(file, file.toString(), "an RCA scenario YAML file"),
        file.toAbsolutePath().getParent());
  }

  /** Binds scenario YAML; {@code src} names it in errors, relative paths resolve on baseDir. */
  public static List<Scenario> parse(String yaml, String src, Path baseDir) {
    return bind(YamlReader.parse(yaml, src), baseDir);
  }

  private static List<Scenario> bind(YamlField root, Path baseDir) {
    root.requireMap(TOP);
    root.optionalText("name", "");
    List<Scenario> out = new ArrayList<>();
    for (YamlField s : root.required("scenarios").elements(1, MAX_SCENARIOS, "scenarios")) {
      out.addAll(scenario(s, baseDir));
      if (out.size() > MAX_SCENARIOS) {
        throw s.error("expected at most " + MAX_SCENARIOS + " scenarios in all; got more");
      }
    }
    return out;
  }

  private static List<Scenario> scenario(YamlField s, Path baseDir) {
    s.requireMap(FIELDS);
    String name = s.required("name").text(NAME, NAME_TEXT);
    YamlField topologyField = s.required("topology");
    Topology topology;
    try {
      topology = Topologies.resolve(topologyField.text("a bundled topology name or a file"));
    } catch (ConfigException e) {
      if (!e.field().isEmpty()) {
        throw e;
      }
      throw topologyField.error(e.problem());
    }
    Workload workload = workload(s.required("workload"), baseDir);
    double duration = s.required("durationS").number(Limits.DURATION_S);
    if (s.has("campaign") == s.has("generate")) {
      throw s.error(
          "expected exactly one of 'campaign' and 'generate'; got "
              + (s.has("campaign") ? "both" : "neither"));
    }
    if (s.has("campaign")) {
      Campaign campaign = CampaignLoader.bind(s.required("campaign"), null);
      for (int i = 0; i < campaign.faults().size(); i++) {
        FaultSpec fault = campaign.faults().get(i);
        if (fault.endS() > duration + 1e-9) {
          throw s.required("campaign")
              .required("faults[" + i + "]")
              .error("ends after the scenario's durationS; faults must end within the run");
        }
      }
      return List.of(new Scenario(name, topology, workload, campaign, null, duration));
    }
    return generated(s.required("generate"), name, topology, workload, duration);
  }

  private static Workload workload(YamlField field, Path baseDir) {
    try {
      return WorkloadLoader.resolve(field.text("a workload spec or file"), baseDir);
    } catch (ConfigException e) {
      if (e.source().startsWith("workload '") || e.source().startsWith("workload spec '")) {
        throw field.error(e.getMessage());
      }
      throw e;
    }
  }

  private static List<Scenario> generated(
      YamlField g, String name, Topology topology, Workload workload, double duration) {
    g.requireMap(GENERATE);
    List<FaultKind> serviceKinds =
        java.util.Arrays.stream(FaultKind.values()).filter(k -> !k.workload()).toList();
    List<String> allowed = serviceKinds.stream().map(FaultKind::yamlName).toList();
    List<YamlField> kindFields = new ArrayList<>();
    if (g.has("kind")) {
      kindFields.add(g.required("kind"));
    }
    if (g.has("kinds")) {
      kindFields.addAll(g.required("kinds").elements(1, allowed.size(), "fault kinds"));
    }
    if (kindFields.isEmpty()) {
      throw g.required("kind").expected("a service fault kind (or 'kinds', a list of them)");
    }
    List<String> serviceNames = topology.services().stream().map(x -> x.name()).toList();
    List<String> services = new ArrayList<>();
    if (g.has("services")) {
      for (YamlField x : g.required("services").elements(1, serviceNames.size(), "services")) {
        services.add(x.choice(serviceNames));
      }
    }
    double startS = g.required("startS").number(Limits.START_S);
    YamlField durationField = g.required("durationS");
    double faultS = durationField.number(Limits.DURATION_S);
    if (startS + faultS > duration + 1e-9) {
      throw durationField.error(
          "the fault ends after the scenario's durationS; faults must end within the run");
    }
    List<Scenario> out = new ArrayList<>();
    java.util.Set<FaultKind> seen = new java.util.HashSet<>();
    for (YamlField k : kindFields) {
      FaultKind kind = FaultKind.fromYaml(k.choice(allowed));
      if (!seen.add(kind)) {
        throw k.error("duplicate kind '" + kind.yamlName() + "'; list each kind once");
      }
      out.add(
          new Scenario(
              kindFields.size() == 1 ? name : name + "-" + kind.yamlName(),
              topology,
              workload,
              null,
              new Scenario.Generated(kind, startS, faultS, services),
              duration));
    }
    return out;
  }
}
