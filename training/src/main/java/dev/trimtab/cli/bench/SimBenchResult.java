package dev.trimtab.cli.bench;

import dev.trimtab.cli.output.Json;

/**
 * One measurement of simulator throughput.
 *
 * @param topology the topology's name
 * @param ratePerS the Poisson arrival rate offered, requests per simulated second
 * @param simulatedS simulated seconds measured (after the warm-up)
 * @param requests client requests that arrived in the measured window
 * @param events simulator events processed in the measured window
 * @param wallS wall-clock seconds the measured window took
 * @param jdk the Java version that ran it
 */
public record SimBenchResult(
    String topology,
    double ratePerS,
    double simulatedS,
    long requests,
    long events,
    double wallS,
    String jdk) {

  /** Simulated requests processed per wall-clock second. */
  public double requestsPerS() {
    return requests / wallS;
  }

  /** Simulator events processed per wall-clock second. */
  public double eventsPerS() {
    return events / wallS;
  }

  /** One JSON object on one line, keys in a fixed order. */
  public String toJsonLine() {
    return Json.line(
        out -> {
          out.writeStringField("bench", "sim");
          out.writeStringField("topology", topology);
          Json.compact(out, "rate_per_s", ratePerS);
          Json.compact(out, "simulated_s", simulatedS);
          out.writeNumberField("requests", requests);
          out.writeNumberField("events", events);
          Json.fixed(out, "wall_s", wallS, 3);
          Json.fixed(out, "requests_per_s", requestsPerS(), 0);
          Json.fixed(out, "events_per_s", eventsPerS(), 0);
          out.writeStringField("jdk", jdk);
        });
  }
}
