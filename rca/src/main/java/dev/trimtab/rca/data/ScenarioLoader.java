package dev.trimtab.rca.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.spec.FaultKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario file ({@code docs/formats/rca-scenarios.md}), or a bundled one by name: {@code
 * sim-train} (every service fault kind that shows in traces, on the four bundled applications) and
 * {@code loc-basic} (the localization problems of the chaos-basic suite, copied until the suite
 * format lands).
 */
public final class ScenarioLoader {
  public static final List<String> BUNDLED = List.of("sim-train", "loc-basic");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP = Set.of("name", "scenarios");
  private static final Set<String> FIELDS =
      Set.of("name", "topology", "workload", "durationS", "campaign", "generate");
  private static final Set<String> GENERATE =
      Set.of("kind", "kinds", "startS", "durationS", "services");

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
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          nameOrFile, "", "no such scenario file; bundled scenario lists: " + BUNDLED);
    }
    try {
      return parse(Files.readString(file), file.toString(), file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage());
    }
  }

  public static List<Scenario> parse(String yaml, String src, Path baseDir) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new ConfigException(
          src, "", "not YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(src, "", "must be a mapping with 'scenarios'");
    }
    known(root, TOP, src, "");
    JsonNode list = root.path("scenarios");
    if (!list.isArray() || list.isEmpty()) {
      throw new ConfigException(src, "scenarios", "must be a non-empty list");
    }
    List<Scenario> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.addAll(scenario(list.get(i), src, "scenarios[" + i + "]", baseDir));
    }
    return out;
  }

  private static List<Scenario> scenario(JsonNode s, String src, String at, Path baseDir) {
    known(s, FIELDS, src, at);
    String name = text(s, "name", src, at);
    Topology topology;
    try {
      topology = Topologies.resolve(text(s, "topology", src, at));
    } catch (ConfigException e) {
      throw new ConfigException(src, at + ".topology", e.getMessage());
    }
    var workload = WorkloadLoader.resolve(text(s, "workload", src, at), baseDir);
    double duration = positive(s, "durationS", src, at);
    boolean hasCampaign = s.has("campaign");
    if (hasCampaign == s.has("generate")) {
      throw new ConfigException(src, at, "needs exactly one of 'campaign' and 'generate'");
    }
    if (hasCampaign) {
      String campaignYaml;
      try {
        campaignYaml = YAML.writeValueAsString(s.get("campaign"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      var campaign = CampaignLoader.parse(campaignYaml, src + " (" + at + ".campaign)");
      return List.of(new Scenario(name, topology, workload, campaign, null, duration));
    }
    JsonNode g = s.get("generate");
    String gat = at + ".generate";
    known(g, GENERATE, src, gat);
    List<String> kinds = new ArrayList<>();
    if (g.has("kind")) {
      kinds.add(g.get("kind").asText());
    }
    g.path("kinds").forEach(k -> kinds.add(k.asText()));
    if (kinds.isEmpty()) {
      throw new ConfigException(src, gat, "needs 'kind' or 'kinds'");
    }
    List<String> services = new ArrayList<>();
    g.path("services").forEach(x -> services.add(x.asText()));
    for (String svc : services) {
      if (topology.services().stream().noneMatch(x -> x.name().equals(svc))) {
        throw new ConfigException(
            src, gat + ".services", "no service '" + svc + "' in " + topology.name());
      }
    }
    List<Scenario> out = new ArrayList<>();
    for (String k : kinds) {
      FaultKind kind = FaultKind.fromYaml(k);
      if (kind == null || kind.workload()) {
        throw new ConfigException(
            src,
            gat + ".kind",
            "'" + k + "' is not a service fault kind; known: " + FaultKind.yamlNames());
      }
      out.add(
          new Scenario(
              kinds.size() == 1 ? name : name + "-" + k,
              topology,
              workload,
              null,
              new Scenario.Generated(
                  kind,
                  positive(g, "startS", src, gat),
                  positive(g, "durationS", src, gat),
                  services),
              duration));
    }
    return out;
  }

  private static void known(JsonNode n, Set<String> allowed, String src, String at) {
    if (!n.isObject()) {
      throw new ConfigException(src, at, "must be a mapping");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new ConfigException(
            src,
            (at.isEmpty() ? "" : at + ".") + f,
            "unknown field; allowed: " + allowed.stream().sorted().toList());
      }
    }
  }

  private static String text(JsonNode n, String f, String src, String at) {
    JsonNode v = n.get(f);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new ConfigException(src, at + "." + f, "required, a non-blank string");
    }
    return v.asText();
  }

  private static double positive(JsonNode n, String f, String src, String at) {
    JsonNode v = n.get(f);
    if (v == null || !v.isNumber() || !(v.asDouble() > 0)) {
      throw new ConfigException(src, at + "." + f, "required, a number > 0");
    }
    return v.asDouble();
  }
}
