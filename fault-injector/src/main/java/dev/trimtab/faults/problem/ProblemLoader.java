package dev.trimtab.faults.problem;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.Limits;
import dev.trimtab.env.config.Range;
import dev.trimtab.env.config.YamlField;
import dev.trimtab.env.config.YamlReader;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import dev.trimtab.faults.inject.SimulatedInjector;
import dev.trimtab.faults.spec.ServiceFault;
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
  private static final String NAME_TEXT =
      "a name of lower-case letters, digits and '-' (at most 63 characters)";
  private static final Range INTERVAL_S =
      Range.closed(Limits.MIN_INTERVAL_S, Limits.MAX_RUN_S, "a number of seconds");

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
    return bind(
        YamlReader.read(file, source, "a problem YAML file"), file.toAbsolutePath().getParent());
  }

  /** Binds problem YAML; {@code source} names it in errors, relative paths resolve on baseDir. */
  public static Problem parse(String yaml, String source, Path baseDir) {
    return bind(YamlReader.parse(yaml, source), baseDir);
  }

  private static Problem bind(YamlField f, Path baseDir) {
    f.requireMap(FIELDS);
    String name = f.required("name").text(NAME, NAME_TEXT);
    TaskKind task = TaskKind.fromYaml(f.required("task").choice(TaskKind.yamlNames()));
    double durationS = f.required("durationS").number(Limits.RUN_S);
    double intervalS =
        f.optionalNumber(
            "intervalS",
            DEFAULT_INTERVAL_S,
            Range.closed(
                INTERVAL_S.min(),
                Math.max(INTERVAL_S.min(), durationS),
                "a number of seconds (at most durationS)"));
    if (durationS / intervalS > Limits.MAX_INTERVALS) {
      throw f.required("intervalS")
          .error(
              "expected at most "
                  + Range.format(Limits.MAX_INTERVALS)
                  + " control intervals (durationS / intervalS); got "
                  + Range.format(Math.ceil(durationS / intervalS)));
    }
    String topologyRef = f.required("topology").text("a bundled topology name or a file");
    Topology base = References.topology(topologyRef, baseDir, f);
    SloOverrides slos = SloOverrides.bind(f, base);
    Topology topology = slos.applyTo(base);
    String workloadRef = f.required("workload").text("a workload spec or file");
    Workload workload = References.workload(workloadRef, baseDir, f);
    Campaign campaign = campaign(f, name, baseDir);
    checkFits(f, topology, workload, campaign, task, durationS);
    return new Problem(
        name,
        f.optionalText("description", ""),
        f.source(),
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

  private static Campaign campaign(YamlField f, String problemName, Path baseDir) {
    YamlField campaign = f.required("campaign");
    if (campaign.isText()) {
      return References.campaignFile(campaign.text("a campaign file"), baseDir, f);
    }
    if (!campaign.isMap()) {
      throw campaign.expected("a campaign file's path or an inline campaign map");
    }
    return CampaignLoader.bind(campaign, problemName);
  }

  private static void checkFits(
      YamlField f,
      Topology topology,
      Workload workload,
      Campaign campaign,
      TaskKind task,
      double durationS) {
    int past = campaign.firstFaultPast(durationS);
    if (past >= 0) {
      throw f.required("campaign")
          .required("faults[" + past + "]")
          .error(
              "ends at "
                  + Range.format(campaign.faults().get(past).endS())
                  + " s, after the problem's durationS "
                  + Range.format(durationS)
                  + "; faults must end within the run");
    }
    boolean serviceFault = campaign.faults().stream().anyMatch(s -> s instanceof ServiceFault);
    if (task == TaskKind.LOCALIZATION && !serviceFault) {
      throw f.required("task")
          .error("localization needs a campaign with at least one service fault");
    }
    if (task == TaskKind.MITIGATION && campaign.faults().isEmpty()) {
      throw f.required("task").error("mitigation needs a campaign with at least one fault");
    }
    Simulation dry;
    try {
      dry = Simulation.create(topology, workload, 0);
    } catch (ConfigException e) {
      throw f.required("workload").error(e.getMessage());
    }
    try (SimulatedInjector unused = SimulatedInjector.attach(dry, campaign, 0)) {
      // attaching checks targets, endpoints and overlaps; nothing runs
    } catch (IllegalArgumentException e) {
      throw f.required("campaign").error(e.getMessage());
    }
  }
}
