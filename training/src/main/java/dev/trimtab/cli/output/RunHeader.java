package dev.trimtab.cli.output;

/**
 * What a run was: written at the top of summary.json so the file stands on its own.
 *
 * @param topology the topology's name
 * @param workload the workload's one-line description
 * @param seed the root seed
 * @param durationS simulated seconds asked for
 * @param intervalS control interval in simulated seconds
 * @param controller the controller's command-line name
 */
public record RunHeader(
    String topology,
    String workload,
    long seed,
    double durationS,
    double intervalS,
    String controller) {}
