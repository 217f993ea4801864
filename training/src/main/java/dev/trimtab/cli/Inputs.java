package dev.trimtab.cli;

import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import java.nio.file.Path;

/**
 * Turns what users type for {@code --topology} and {@code --workload} into validated values.
 * Relative paths resolve against the user's working directory.
 */
final class Inputs {
  private Inputs() {}

  /** The user's working directory (the launcher does not change it). */
  static Path workingDir() {
    return Path.of("").toAbsolutePath();
  }

  /** A bundled topology name or a YAML file. */
  static Topology topology(String nameOrFile) {
    return Topologies.resolve(nameOrFile);
  }

  /** A YAML workload file or a one-line spec such as {@code poisson:rate=200}. */
  static Workload workload(String fileOrSpec) {
    return WorkloadLoader.resolve(fileOrSpec, workingDir());
  }
}
