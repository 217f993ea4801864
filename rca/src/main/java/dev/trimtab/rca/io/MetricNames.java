package dev.trimtab.rca.io;

import dev.trimtab.rca.telemetry.Signal;
import java.util.Locale;

/**
 * Maps the metric names of Prometheus and OTLP sources onto {@link Signal}s: Trimtab's own
 * simulator names exactly, and for other sources a few common spellings ({@code
 * docs/formats/rca-metrics-logs.md}). Anything else is ignored.
 */
final class MetricNames {
  private MetricNames() {}

  /** The signal a metric name measures, or null. */
  static Signal signal(String metricName) {
    String n = metricName.toLowerCase(Locale.ROOT).replace('.', '_');
    if (n.contains("cpu") && (n.contains("utilisation") || n.contains("utilization"))) {
      return Signal.CPU;
    }
    if (n.contains("memory") && (n.contains("utilisation") || n.contains("utilization"))) {
      return Signal.MEMORY;
    }
    if (n.contains("success") && (n.contains("rate") || n.contains("ratio"))) {
      return Signal.SUCCESS_RATE;
    }
    if (n.endsWith("client_latency_seconds") || n.equals("rpc_client_duration_seconds")) {
      return Signal.CLIENT_LATENCY;
    }
    if (n.equals("trimtab_service_latency_seconds")
        || n.endsWith("server_latency_seconds")
        || n.equals("rpc_server_duration_seconds")) {
      return Signal.SERVER_LATENCY;
    }
    return null;
  }

  /** The latency quantile read when a source gives several (Nezha's metrics give p90). */
  static boolean wantedQuantile(String q) {
    try {
      double v = Double.parseDouble(q);
      return v == 0.9 || v == 0.95;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The service a sample belongs to, from its labels or attributes, or null. */
  static String service(java.util.function.Function<String, String> label) {
    for (String k :
        new String[] {"service", "service_name", "service.name", "k8s.deployment.name", "app"}) {
      String v = label.apply(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    for (String k : new String[] {"pod", "k8s.pod.name", "pod_name"}) {
      String v = label.apply(k);
      if (v != null && !v.isBlank()) {
        return NezhaCsvReader.serviceOfPod(v);
      }
    }
    return null;
  }
}
