package dev.trimtab.faults.problem;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.YamlField;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.topology.TopologyLoader;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.campaign.CampaignLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How a problem's references resolve: a bundled topology name or a file, a workload spec or file, a
 * campaign file, each relative to the problem's folder. Errors in the referenced file name that
 * file; a reference that resolves to nothing names the problem file and its field.
 */
final class References {
  private References() {}

  static Topology topology(String ref, Path baseDir, YamlField f) {
    if (Topologies.bundledNames().contains(ref)) {
      return Topologies.resolve(ref);
    }
    Path file = file(ref, baseDir);
    if (file == null) {
      throw f.required("topology")
          .error(
              "no bundled topology '"
                  + ref
                  + "' and no such file (looked for "
                  + baseDir.resolve(ref).toAbsolutePath()
                  + "); bundled: "
                  + String.join(", ", Topologies.bundledNames()));
    }
    return TopologyLoader.load(file);
  }

  static Workload workload(String ref, Path baseDir, YamlField f) {
    try {
      return WorkloadLoader.resolve(ref, baseDir);
    } catch (ConfigException e) {
      if (e.source().startsWith("workload '") || e.source().startsWith("workload spec '")) {
        throw f.required("workload").error(e.getMessage());
      }
      throw e;
    }
  }

  static Campaign campaignFile(String ref, Path baseDir, YamlField f) {
    Path file = file(ref, baseDir);
    if (file == null) {
      throw f.required("campaign")
          .error(
              "no campaign file "
                  + baseDir.resolve(ref).toAbsolutePath()
                  + "; give a campaign file's path (relative to the problem) or an inline mapping");
    }
    return CampaignLoader.load(file);
  }

  private static Path file(String ref, Path baseDir) {
    try {
      Path file = baseDir.resolve(ref);
      return Files.isRegularFile(file) ? file : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
