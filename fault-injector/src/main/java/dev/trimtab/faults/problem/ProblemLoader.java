package dev.trimtab.faults.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.inject.SimulatedInjector;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.ServiceFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads problem files (format: {@code docs/formats/problem.md}). Every mistake is a {@link
 * ConfigException} naming the problem file, the field ({@code campaign.faults[2].intensity}) and
 * what is allowed. Relative paths in a problem (topology, workload, campaign files, traces in
 * workload specs) resolve against the problem file's folder.
 *
 * <p>Besides binding each part, the loader checks that the parts fit: the workload's mix names
 * endpoints of the topology, the campaign's targets exist (it attaches the campaign to a throwaway
 * simulation), every fault ends within {@code durationS}, and the task can be scored.
 */
public final class ProblemLoader {
  /** Control interval when a problem gives none. */
  public static final double DEFAULT_INTERVAL_S = 5;

  static final List<String> FIELDS =
      List.of(
          "name",
          "description",
          "topology",
          "workload",
          "campaign",
          "task",
          "durationS",
          "intervalS",
          "slos");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private ProblemLoader() {}

  /** Reads the problem in {@code file}; errors name the file as given. */
  public static Problem load(Path file) {
    return load(file, file.toString());
  }

  /**
   * Reads the problem in {@code file}; errors name {@code source} (bundled problems are read from
   * an extracted copy but named {@code bundled:suite/file.yaml}).
   */
  public static Problem load(Path file, String source) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(source, "", "cannot read problem file: " + e.getMessage());
    }
    return parse(text, source, file.toAbsolutePath().getParent());
  }

  /** Binds problem YAML; {@code source} names it in errors, relative paths resolve on baseDir. */
  public static Problem parse(String yaml, String source, Path baseDir) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new ConfigException(
          source, "", "not valid YAML" + line + ": " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(
          source, "", "empty file; a problem needs " + String.join(", ", FIELDS.subList(0, 7)));
    }
    Fields f = new Fields(root, source, "");
    f.onlyKnown(FIELDS, "a problem");
    String name = f.text("name");
    if (!NAME.matcher(name).matches()) {
      throw f.error(
          "name", "must be lower-case letters, digits and '-' (at most 63), got '" + name + "'");
    }
    TaskKind task = TaskKind.fromYaml(f.text("task"));
    if (task == null) {
      throw f.error(
          "task", "unknown task '" + f.text("task") + "'; allowed: " + TaskKind.yamlNames());
    }
    double durationS = f.number("durationS", v -> v > 0, "a number of seconds > 0");
    double intervalS =
        f.optionalNumber(
            "intervalS",
            DEFAULT_INTERVAL_S,
            v -> v > 0 && v <= durationS,
            "a number of seconds > 0 and <= durationS (" + durationS + ")");
    String topologyRef = f.text("topology");
    Topology base = References.topology(topologyRef, baseDir, f);
    SloOverrides slos = SloOverrides.bind(f, base);
    Topology topology = slos.applyTo(base);
    String workloadRef = f.text("workload");
    Workload workload = References.workload(workloadRef, baseDir, f);
    Campaign campaign = campaign(f, name, baseDir);
    checkFits(f, topology, workload, campaign, task, durationS);
    return new Problem(
        name,
        f.optionalText("description", ""),
        source,
        topologyRef,
        topology,
        workloadRef,
        workload,
        campaign,
        task,
        durationS,
        intervalS,
        slos.overrides());
  }

  private static Campaign campaign(Fields f, String problemName, Path baseDir) {
    JsonNode raw = f.raw("campaign");
    if (raw.isTextual()) {
      return References.campaignFile(raw.asText(), baseDir, f);
    }
    if (!raw.isObject()) {
      throw f.error("campaign", "must be a campaign file's path or an inline campaign mapping");
    }
    ObjectNode inline = ((ObjectNode) raw).deepCopy();
    if (!inline.has("name")) {
      inline.put("name", problemName);
    }
    String source = f.path("campaign");
    try {
      return CampaignLoader.parse(YAML.writeValueAsString(inline), source);
    } catch (JsonProcessingException e) {
      throw f.error("campaign", "cannot be read: " + e.getOriginalMessage());
    } catch (ConfigException e) {
      if (!e.source().equals(source)) {
        throw e;
      }
      String field = e.field().isEmpty() ? "" : "." + e.field();
      throw f.error("campaign" + field, References.problemOf(e));
    }
  }

  private static void checkFits(
      Fields f,
      Topology topology,
      Workload workload,
      Campaign campaign,
      TaskKind task,
      double durationS) {
    for (int i = 0; i < campaign.faults().size(); i++) {
      FaultSpec fault = campaign.faults().get(i);
      if (fault.endS() > durationS + 1e-9) {
        throw f.error(
            "campaign.faults[" + i + "]",
            "ends at "
                + fault.endS()
                + " s, after the problem's durationS "
                + durationS
                + "; faults must end within the run");
      }
    }
    boolean serviceFault = campaign.faults().stream().anyMatch(s -> s instanceof ServiceFault);
    if (task == TaskKind.LOCALIZATION && !serviceFault) {
      throw f.error("task", "localization needs a campaign with at least one service fault");
    }
    if (task == TaskKind.MITIGATION && campaign.faults().isEmpty()) {
      throw f.error("task", "mitigation needs a campaign with at least one fault");
    }
    Simulation dry;
    try {
      dry = Simulation.create(topology, workload, 0);
    } catch (ConfigException e) {
      throw f.error("workload", e.getMessage());
    }
    try (SimulatedInjector unused = SimulatedInjector.attach(dry, campaign, 0)) {
      // attaching checks targets, endpoints and overlaps; nothing runs
    } catch (IllegalArgumentException e) {
      throw f.error("campaign", e.getMessage());
    }
  }
}
