package dev.trimtab.rca.telemetry;

import java.util.Arrays;
import java.util.List;

/**
 * The per-service metrics the analyser reads, whatever a source calls them. Each importer maps its
 * own names onto these ({@code docs/formats/rca-metrics-logs.md}); units are fixed here.
 */
public enum Signal {
  /** CPU used over CPU allowed (the limit, or the request), 0 to 1 (may exceed 1). */
  CPU("cpu"),
  /** Working set over memory limit, 0 to 1 (may exceed 1). */
  MEMORY("memory"),
  /** Share of the service's calls that succeeded, 0 to 1. */
  SUCCESS_RATE("success_rate"),
  /** Response time measured at the service (its server side), a high percentile, seconds. */
  SERVER_LATENCY("server_latency_s"),
  /** Response time of calls into the service measured by its callers (client side), seconds. */
  CLIENT_LATENCY("client_latency_s"),
  /** Calls per second the service received. */
  WORKLOAD("workload_per_s");

  private final String id;

  Signal(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Signal::id).toList();
  }
}
