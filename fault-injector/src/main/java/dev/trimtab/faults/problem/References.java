package dev.trimtab.faults.problem;

import dev.trimtab.env.config.ConfigException;
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

  static Topology topology(String ref, Path baseDir, Fields f) {
    if (Topologies.bundledNames().contains(ref)) {
      return Topologies.resolve(ref);
    }
    Path file = file(ref, baseDir);
    if (file == null) {
      throw f.error(
          "topology",
          "no bundled topology '"
              + ref
              + "' and no such file (looked for "
              + baseDir.resolve(ref).toAbsolutePath()
              + "); bundled: "
              + String.join(", ", Topologies.bundledNames()));
    }
    return TopologyLoader.load(file);
  }

  static Workload workload(String ref, Path baseDir, Fields f) {
    try {
      return WorkloadLoader.resolve(ref, baseDir);
    } catch (ConfigException e) {
      if (e.source().startsWith("workload '") || e.source().startsWith("workload spec '")) {
        throw f.error("workload", e.getMessage());
      }
      throw e;
    }
  }

  static Campaign campaignFile(String ref, Path baseDir, Fields f) {
    Path file = file(ref, baseDir);
    if (file == null) {
      throw f.error(
          "campaign",
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

  /** The part of a {@link ConfigException}'s message after its source and field. */
  static String problemOf(ConfigException e) {
    String prefix =
        e.field().isEmpty() ? e.source() + ": " : e.source() + ": field '" + e.field() + "': ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
