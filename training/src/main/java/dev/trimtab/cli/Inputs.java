package dev.trimtab.cli;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.power.CarbonIntensity;
import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadLoader;
import dev.trimtab.faults.problem.Suite;
import dev.trimtab.faults.problem.Suites;
import java.nio.file.Files;
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
    notBlank("--topology", nameOrFile, "a bundled topology name or a topology YAML file");
    return Topologies.resolve(nameOrFile);
  }

  /** A suite name or folder. */
  static Suite suite(String nameOrFolder) {
    notBlank(
        "--suite",
        nameOrFolder,
        "a bundled suite ("
            + String.join(", ", Suites.bundledNames())
            + ") or a folder of problem files");
    return Suites.resolve(nameOrFolder);
  }

  /** Refuses an empty value of {@code option}, saying what it takes. */
  static void notBlank(String option, String value, String takes) {
    if (value.isBlank()) {
      throw new BadInput(option + " is empty: give " + takes);
    }
  }

  /** A constant grid intensity in gCO2/kWh, or a carbon-intensity CSV file. */
  static CarbonIntensity carbon(String constantOrFile) {
    String allowed = "--carbon takes gCO2/kWh (e.g. 475) or a carbon-intensity CSV file";
    double value;
    try {
      value = Double.parseDouble(constantOrFile);
    } catch (NumberFormatException notANumber) {
      Path file = workingDir().resolve(constantOrFile);
      if (constantOrFile.isBlank()) {
        throw new ConfigException("--carbon ''", "", "empty; " + allowed);
      }
      if (Files.isDirectory(file)) {
        throw new ConfigException("--carbon " + constantOrFile, "", "is a folder; " + allowed);
      }
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(constantOrFile, "", "no such file; " + allowed);
      }
      return CarbonIntensity.read(file);
    }
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new ConfigException(
          "--carbon " + constantOrFile, "", "a constant intensity must be a finite number >= 0");
    }
    return CarbonIntensity.constant(value);
  }

  /** A YAML workload file or a one-line spec such as {@code poisson:rate=200}. */
  static Workload workload(String fileOrSpec) {
    return WorkloadLoader.resolve(fileOrSpec, workingDir());
  }
}
