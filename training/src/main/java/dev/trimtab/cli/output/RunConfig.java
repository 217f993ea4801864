package dev.trimtab.cli.output;

import java.util.List;

/**
 * The command that made a run, as written to {@code config.json}, so the run can be repeated:
 * {@code trimtab} followed by {@link #args} run in {@link #workingDir} gives the same run.
 *
 * @param command the subcommand, e.g. {@code sim}
 * @param topology the topology as given (bundled name or file path)
 * @param topologyName the name inside the resolved topology
 * @param workload the workload as given (file path or one-line spec)
 * @param workloadDescription the resolved workload's one-line description
 * @param seed the root seed
 * @param duration simulated duration as given, e.g. {@code 600s}
 * @param durationS the same in seconds
 * @param interval control interval as given
 * @param intervalS the same in seconds
 * @param controller the controller's name
 * @param workingDir the folder relative paths in {@link #args} resolve against
 * @param args the command-line arguments after {@code trimtab}
 */
public record RunConfig(
    String command,
    String topology,
    String topologyName,
    String workload,
    String workloadDescription,
    long seed,
    String duration,
    double durationS,
    String interval,
    double intervalS,
    String controller,
    String workingDir,
    List<String> args) {
  public static final String FILE = "config.json";

  public RunConfig {
    args = List.copyOf(args);
  }

  /** This config as JSON text, ending in a newline. */
  public String toJson(String trimtabVersion) {
    return Json.pretty(
        out -> {
          out.writeStringField("command", command);
          out.writeStringField("topology", topology);
          out.writeStringField("topology_name", topologyName);
          out.writeStringField("workload", workload);
          out.writeStringField("workload_description", workloadDescription);
          out.writeNumberField("seed", seed);
          out.writeStringField("duration", duration);
          Json.compact(out, "duration_s", durationS);
          out.writeStringField("interval", interval);
          Json.compact(out, "interval_s", intervalS);
          out.writeStringField("controller", controller);
          out.writeStringField("working_dir", workingDir);
          out.writeArrayFieldStart("args");
          for (String arg : args) {
            out.writeString(arg);
          }
          out.writeEndArray();
          out.writeStringField("trimtab_version", trimtabVersion);
        });
  }
}
