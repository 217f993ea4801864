package dev.trimtab.cli.output;

import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a run's interval metrics to {@code metrics.csv} (one row per interval per service) and
 * {@code endpoints.csv} (one row per interval per endpoint). {@code time_s} is the end of the
 * interval in simulated seconds. Both files appear on {@link #commit}.
 */
public final class IntervalCsv implements Closeable {
  public static final String METRICS_FILE = "metrics.csv";
  public static final String ENDPOINTS_FILE = "endpoints.csv";
  public static final String METRICS_HEADER =
      "time_s,service,replicas,ready_replicas,cpu_limit_cores,memory_limit_mib,arrivals,completed,"
          + "dropped,errors,cpu_core_s,cpu_utilisation,memory_utilisation,throttled_ms,p50_ms,"
          + "p95_ms,p99_ms,queue_length,gpu_utilisation,gpu_frequency_mhz,power_w,energy_j,carbon_g,"
          + "memory_mib_s";
  public static final String ENDPOINTS_HEADER =
      "time_s,endpoint,arrived,completed,failed,p50_ms,p99_ms,slo_latency_ms,slo_violated,"
          + "slo_attainment";

  private final AtomicFile metrics;
  private final AtomicFile endpoints;

  private IntervalCsv(AtomicFile metrics, AtomicFile endpoints) {
    this.metrics = metrics;
    this.endpoints = endpoints;
  }

  /** Starts both files in {@code dir} (which must exist) and writes their headers. */
  public static IntervalCsv open(Path dir) throws IOException {
    AtomicFile metrics = AtomicFile.create(dir.resolve(METRICS_FILE));
    try {
      AtomicFile endpoints = AtomicFile.create(dir.resolve(ENDPOINTS_FILE));
      metrics.writer().write(METRICS_HEADER + "\n");
      endpoints.writer().write(ENDPOINTS_HEADER + "\n");
      return new IntervalCsv(metrics, endpoints);
    } catch (IOException | RuntimeException e) {
      metrics.close();
      throw e;
    }
  }

  /** Appends one interval's rows. */
  public void append(IntervalMetrics interval) throws IOException {
    double timeS = interval.endMs() / 1000;
    for (ServiceMetrics s : interval.services()) {
      metrics.writer().write(serviceRow(timeS, s) + "\n");
    }
    for (EndpointMetrics e : interval.endpoints()) {
      endpoints.writer().write(endpointRow(timeS, e) + "\n");
    }
  }

  /** Moves both files into place. */
  public void commit() throws IOException {
    metrics.commit();
    endpoints.commit();
  }

  @Override
  public void close() throws IOException {
    try {
      metrics.close();
    } finally {
      endpoints.close();
    }
  }

  /** One metrics.csv row, without the line end. */
  public static String serviceRow(double timeS, ServiceMetrics s) {
    return String.join(
        ",",
        Numbers.fixed(timeS, 3),
        csvText(s.service()),
        Integer.toString(s.replicas()),
        Integer.toString(s.readyReplicas()),
        Numbers.fixed(s.cpuLimitCores(), 3),
        Numbers.fixed(s.memoryLimitMiB(), 1),
        Long.toString(s.arrivals()),
        Long.toString(s.completed()),
        Long.toString(s.dropped()),
        Long.toString(s.errors()),
        Numbers.fixed(s.cpuCoreMs() / 1000, 6),
        Numbers.fixed(s.cpuUtilisation(), 4),
        Numbers.fixed(s.memoryUtilisation(), 4),
        Numbers.fixed(s.throttledMs(), 3),
        Numbers.fixed(s.p50Ms(), 3),
        Numbers.fixed(s.p95Ms(), 3),
        Numbers.fixed(s.p99Ms(), 3),
        Integer.toString(s.queueLength()),
        Numbers.fixed(s.gpuUtilisation(), 4),
        Numbers.fixed(s.gpuFrequencyMHz(), 0),
        Numbers.fixed(s.powerW(), 3),
        Numbers.fixed(s.energyJ(), 3),
        Numbers.fixed(s.carbonG(), 6),
        Numbers.fixed(s.memoryMiBSeconds(), 1));
  }

  /** One endpoints.csv row, without the line end. */
  public static String endpointRow(double timeS, EndpointMetrics e) {
    return String.join(
        ",",
        Numbers.fixed(timeS, 3),
        csvText(e.endpoint()),
        Long.toString(e.arrived()),
        Long.toString(e.completed()),
        Long.toString(e.failed()),
        Numbers.fixed(e.p50Ms(), 3),
        Numbers.fixed(e.p99Ms(), 3),
        Numbers.fixed(e.sloLatencyMs(), 3),
        Boolean.toString(e.sloViolated()),
        Numbers.fixed(e.sloAttainment(), 4));
  }

  /** Quotes a name only if it needs it (RFC 4180). */
  static String csvText(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
