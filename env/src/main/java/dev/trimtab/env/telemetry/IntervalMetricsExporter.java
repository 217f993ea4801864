package dev.trimtab.env.telemetry;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One control interval's {@link IntervalMetrics} in the Prometheus text exposition format (0.0.4),
 * for a scrape endpoint or a {@code .prom} file per interval.
 *
 * <p>Prometheus base units: seconds, bytes, ratios. Run-long totals are counters ({@code _total});
 * everything measured over the interval alone is a gauge whose name says so ({@code
 * trimtab_service_interval_*}). No sample carries a timestamp: simulated time is not wall time.
 */
public final class IntervalMetricsExporter {
  private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

  private IntervalMetricsExporter() {}

  /** Writes {@code metrics} to {@code out} as Prometheus text; leaves {@code out} open. */
  public static void write(OutputStream out, IntervalMetrics metrics) throws IOException {
    PrometheusTextFormatWriter.create().write(out, snapshots(metrics));
  }

  /** {@code metrics} as Prometheus text. */
  public static String toText(IntervalMetrics metrics) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** {@code metrics} as Prometheus metric snapshots, for a registry or another format writer. */
  public static MetricSnapshots snapshots(IntervalMetrics m) {
    List<MetricSnapshot> all = new ArrayList<>();
    all.add(
        counter(
            "trimtab_requests_arrived",
            "Client requests arrived since the run started.",
            m.arrivedTotal()));
    all.add(
        CounterSnapshot.builder()
            .name("trimtab_requests_finished")
            .help("Client requests finished since the run started, by outcome.")
            .dataPoint(counterPoint("outcome", "completed", m.completedTotal()))
            .dataPoint(counterPoint("outcome", "dropped", m.droppedTotal()))
            .dataPoint(counterPoint("outcome", "errored", m.erroredTotal()))
            .build());
    all.add(
        gauge(
            "trimtab_requests_in_flight",
            "Client requests open at the interval's end.",
            m.inFlight()));
    all.add(
        GaugeSnapshot.builder()
            .name("trimtab_request_latency_seconds")
            .help("End-to-end latency percentile of requests answered in the interval.")
            .dataPoint(gaugePoint(Labels.of("quantile", "0.5"), m.p50Ms() / 1000))
            .dataPoint(gaugePoint(Labels.of("quantile", "0.99"), m.p99Ms() / 1000))
            .build());
    all.addAll(ServiceGauges.of(m.services()));
    all.add(
        perEndpoint(
            "trimtab_endpoint_slo_violated",
            "1 when the endpoint missed its SLO in the interval, else 0.",
            m.endpoints(),
            e -> e.sloViolated() ? 1 : 0));
    all.add(
        perEndpoint(
            "trimtab_endpoint_slo_latency_seconds",
            "Latency at the SLO percentile in the interval, failures counted as infinitely slow.",
            m.endpoints(),
            e -> e.sloLatencyMs() / 1000));
    all.add(
        perEndpoint(
            "trimtab_endpoint_slo_attainment_ratio",
            "Share of requests answered in the interval that met the SLO's latency bound.",
            m.endpoints(),
            EndpointMetrics::sloAttainment));
    return new MetricSnapshots(all);
  }

  private static GaugeSnapshot perEndpoint(
      String name,
      String help,
      List<EndpointMetrics> endpoints,
      ToDoubleFunction<EndpointMetrics> f) {
    GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
    for (EndpointMetrics e : endpoints) {
      gauge.dataPoint(gaugePoint(Labels.of("endpoint", e.endpoint()), f.applyAsDouble(e)));
    }
    return gauge.build();
  }

  private static CounterSnapshot counter(String name, String help, double value) {
    return CounterSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
        .build();
  }

  private static CounterDataPointSnapshot counterPoint(String label, String value, double v) {
    return CounterDataPointSnapshot.builder().labels(Labels.of(label, value)).value(v).build();
  }

  private static GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder()
        .name(name)
        .help(help)
        .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
        .build();
  }

  static GaugeDataPointSnapshot gaugePoint(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  /** The per-service gauges, one data point per service. */
  private static final class ServiceGauges {
    private ServiceGauges() {}

    static List<MetricSnapshot> of(List<ServiceMetrics> services) {
      List<MetricSnapshot> gauges = new ArrayList<>();
      gauges.add(
          g(services, "replicas", "Replicas the service should have.", ServiceMetrics::replicas));
      gauges.add(g(services, "ready_replicas", "Replicas serving.", ServiceMetrics::readyReplicas));
      gauges.add(
          g(services, "cpu_limit_cores", "CPU limit per replica.", ServiceMetrics::cpuLimitCores));
      gauges.add(
          g(
              services,
              "memory_limit_bytes",
              "Memory limit per replica.",
              s -> s.memoryLimitMiB() * BYTES_PER_MIB));
      gauges.add(
          g(
              services,
              "cpu_utilisation_ratio",
              "CPU used over CPU allocated in the interval.",
              ServiceMetrics::cpuUtilisation));
      gauges.add(
          g(
              services,
              "memory_utilisation_ratio",
              "Working set over memory limit.",
              ServiceMetrics::memoryUtilisation));
      gauges.add(
          g(
              services,
              "queue_length",
              "Calls queued at the interval's end.",
              ServiceMetrics::queueLength));
      gauges.add(
          g(
              services,
              "interval_calls_arrived",
              "Calls that arrived in the interval.",
              ServiceMetrics::arrivals));
      gauges.add(
          g(
              services,
              "interval_calls_completed",
              "Calls completed in the interval.",
              ServiceMetrics::completed));
      gauges.add(
          g(
              services,
              "interval_calls_dropped",
              "Calls dropped in the interval.",
              ServiceMetrics::dropped));
      gauges.add(
          g(
              services,
              "interval_calls_errored",
              "Calls failed in the interval.",
              ServiceMetrics::errors));
      gauges.add(
          g(
              services,
              "interval_throttled_seconds",
              "CPU throttling in the interval.",
              s -> s.throttledMs() / 1000));
      gauges.add(
          g(
              services,
              "gpu_utilisation_ratio",
              "GPU busy time over GPU time held in the interval (0 without GPUs).",
              ServiceMetrics::gpuUtilisation));
      gauges.add(
          g(
              services,
              "gpu_frequency_hertz",
              "SM clock of the service's GPUs at the interval's end (0 without GPUs).",
              s -> s.gpuFrequencyMHz() * 1e6));
      gauges.add(
          g(services, "power_watts", "Mean power over the interval.", ServiceMetrics::powerW));
      gauges.add(
          g(
              services,
              "interval_energy_joules",
              "Energy used in the interval.",
              ServiceMetrics::energyJ));
      gauges.add(
          g(
              services,
              "interval_carbon_grams",
              "Carbon emitted in the interval (gCO2).",
              ServiceMetrics::carbonG));
      GaugeSnapshot.Builder latency =
          GaugeSnapshot.builder()
              .name("trimtab_service_latency_seconds")
              .help("Call latency percentile at the service in the interval.");
      for (ServiceMetrics s : services) {
        latency.dataPoint(
            gaugePoint(Labels.of("quantile", "0.5", "service", s.service()), s.p50Ms() / 1000));
        latency.dataPoint(
            gaugePoint(Labels.of("quantile", "0.95", "service", s.service()), s.p95Ms() / 1000));
        latency.dataPoint(
            gaugePoint(Labels.of("quantile", "0.99", "service", s.service()), s.p99Ms() / 1000));
      }
      gauges.add(latency.build());
      return gauges;
    }

    private static GaugeSnapshot g(
        List<ServiceMetrics> services,
        String name,
        String help,
        ToDoubleFunction<ServiceMetrics> f) {
      GaugeSnapshot.Builder gauge =
          GaugeSnapshot.builder().name("trimtab_service_" + name).help(help);
      for (ServiceMetrics s : services) {
        gauge.dataPoint(gaugePoint(Labels.of("service", s.service()), f.applyAsDouble(s)));
      }
      return gauge.build();
    }
  }
}
