package dev.trimtab.env.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-built interval metrics come out as Prometheus text samples in base units. */
class IntervalMetricsExporterTest {
  private static final IntervalMetrics METRICS =
      new IntervalMetrics(
          1000,
          2000,
          50,
          45,
          2,
          1,
          6,
          120,
          100,
          9,
          5,
          12.5,
          80,
          List.of(
              new ServiceMetrics(
                  "db", 3, 2, 1.5, 512, 40, 38, 1, 2, 600, 0.4, 0.25, 30, 4, 9, 20, 7, 0.5, 1012,
                  250, 250, 0.03125, 1536),
              new ServiceMetrics(
                  "auth", 1, 1, 0.5, 256, 45, 45, 0, 0, 100, 0.2, 0.5, 0, 1, 2, 3, 0)),
          List.of(
              new EndpointMetrics(
                  "search", 50, 45, 3, 10, 75, Double.POSITIVE_INFINITY, true, 0.75)));

  @Test
  void samplesCarryTheIntervalsValuesInBaseUnits() {
    String text = IntervalMetricsExporter.toText(METRICS);
    Map<String, Double> samples = parse(text);

    assertEquals(120, samples.get("trimtab_requests_arrived_total"));
    assertEquals(100, samples.get("trimtab_requests_finished_total{outcome=\"completed\"}"));
    assertEquals(9, samples.get("trimtab_requests_finished_total{outcome=\"dropped\"}"));
    assertEquals(5, samples.get("trimtab_requests_finished_total{outcome=\"errored\"}"));
    assertEquals(6, samples.get("trimtab_requests_in_flight"));
    assertEquals(0.0125, samples.get("trimtab_request_latency_seconds{quantile=\"0.5\"}"), 1e-15);
    assertEquals(3, samples.get("trimtab_service_replicas{service=\"db\"}"));
    assertEquals(2, samples.get("trimtab_service_ready_replicas{service=\"db\"}"));
    assertEquals(
        512 * 1048576.0, samples.get("trimtab_service_memory_limit_bytes{service=\"db\"}"));
    assertEquals(
        0.03, samples.get("trimtab_service_interval_throttled_seconds{service=\"db\"}"), 1e-15);
    assertEquals(7, samples.get("trimtab_service_queue_length{service=\"db\"}"));
    assertEquals(
        0.009,
        samples.get("trimtab_service_latency_seconds{quantile=\"0.95\",service=\"db\"}"),
        1e-15);
    assertEquals(0.5, samples.get("trimtab_service_memory_utilisation_ratio{service=\"auth\"}"));
    assertEquals(1, samples.get("trimtab_endpoint_slo_violated{endpoint=\"search\"}"));
    assertEquals(
        Double.POSITIVE_INFINITY,
        samples.get("trimtab_endpoint_slo_latency_seconds{endpoint=\"search\"}"));
    assertEquals(0.5, samples.get("trimtab_service_gpu_utilisation_ratio{service=\"db\"}"));
    assertEquals(1.012e9, samples.get("trimtab_service_gpu_frequency_hertz{service=\"db\"}"));
    assertEquals(250, samples.get("trimtab_service_power_watts{service=\"db\"}"));
    assertEquals(250, samples.get("trimtab_service_interval_energy_joules{service=\"db\"}"));
    assertEquals(0.03125, samples.get("trimtab_service_interval_carbon_grams{service=\"db\"}"));
    assertEquals(0, samples.get("trimtab_service_power_watts{service=\"auth\"}"));
    assertEquals(0.75, samples.get("trimtab_endpoint_slo_attainment_ratio{endpoint=\"search\"}"));
    assertTrue(text.contains("# TYPE trimtab_requests_arrived_total counter\n"), text);
    assertTrue(text.contains("# TYPE trimtab_service_replicas gauge\n"), text);
  }

  /** Sample lines {@code name{labels} value} into a map; comments skipped. */
  private static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String value = line.substring(space + 1);
      samples.put(
          line.substring(0, space),
          switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
          });
    }
    return samples;
  }
}
