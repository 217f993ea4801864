package dev.trimtab.cli.output;

import dev.trimtab.env.sim.RunSummary;

/**
 * Renders {@code summary.json}: snake_case keys in a fixed order, no wall-clock values, so the same
 * run (same code, seed and inputs) gives the same bytes.
 */
public final class SummaryJson {
  public static final String FILE = "summary.json";

  private SummaryJson() {}

  /** The summary of a run as JSON text, ending in a newline. */
  public static String render(RunHeader run, RunSummary s, String trimtabVersion) {
    return Json.pretty(
        out -> {
          out.writeStringField("topology", run.topology());
          out.writeStringField("workload", run.workload());
          out.writeNumberField("seed", run.seed());
          Json.compact(out, "duration_s", run.durationS());
          Json.compact(out, "interval_s", run.intervalS());
          out.writeStringField("controller", run.controller());
          out.writeNumberField("requests", s.requests());
          out.writeNumberField("completed", s.completed());
          out.writeNumberField("dropped", s.dropped());
          out.writeNumberField("errors", s.errors());
          out.writeNumberField("in_flight", s.inFlight());
          Json.fixed(out, "slo_violation_seconds", s.sloViolationSeconds(), 3);
          Json.fixed(out, "p50_ms", s.p50Ms(), 3);
          Json.fixed(out, "p99_ms", s.p99Ms(), 3);
          Json.fixed(out, "mean_ms", s.meanMs(), 3);
          Json.fixed(out, "cpu_core_seconds", s.cpuCoreSeconds(), 3);
          Json.fixed(out, "cpu_allocated_core_seconds", s.cpuAllocatedCoreSeconds(), 3);
          Json.fixed(out, "memory_mib_seconds", s.memoryMiBSeconds(), 3);
          Json.fixed(out, "gpu_device_seconds", s.gpuDeviceSeconds(), 3);
          Json.fixed(out, "energy_j", s.energyJ(), 3);
          Json.fixed(out, "carbon_g", s.carbonG(), 6);
          out.writeNumberField("events", s.events());
          out.writeStringField("trimtab_version", trimtabVersion);
        });
  }
}
