package dev.trimtab.cli.output;

import dev.trimtab.env.sim.EndpointMetrics;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Topology;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects per-endpoint and per-service totals over a run's intervals and renders the short table
 * {@code trimtab sim} prints at the end. Endpoint latencies are per-interval figures combined over
 * the run (median of the interval medians, worst interval p99), since the simulator reports
 * end-to-end percentiles per endpoint only per interval.
 */
public final class RunReport {
  private static final int TOP_SERVICES = 5;

  private final Topology topology;
  private final Map<String, EndpointTotals> endpoints = new LinkedHashMap<>();
  private final Map<String, ServiceTotals> services = new LinkedHashMap<>();

  public RunReport(Topology topology) {
    this.topology = topology;
  }

  /** Adds one interval. */
  public void accept(IntervalMetrics interval) {
    double lengthMs = interval.endMs() - interval.startMs();
    for (EndpointMetrics e : interval.endpoints()) {
      endpoints.computeIfAbsent(e.endpoint(), k -> new EndpointTotals()).add(e);
    }
    for (ServiceMetrics s : interval.services()) {
      services.computeIfAbsent(s.service(), k -> new ServiceTotals()).add(s, lengthMs);
    }
  }

  /** The report; {@code sloViolationS} gives each endpoint's SLO-violation seconds. */
  public String render(RunHeader run, RunSummary s, ToDoubleFunction<String> sloViolationS) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s | %s | seed %d | %s s simulated | controller %s%n",
            run.topology(),
            run.workload(),
            run.seed(),
            Numbers.compact(s.simulatedSeconds()),
            run.controller()));
    out.append(
        String.format(
            Locale.ROOT,
            "requests %d = completed %d + dropped %d + errors %d + in flight %d%n",
            s.requests(),
            s.completed(),
            s.dropped(),
            s.errors(),
            s.inFlight()));
    out.append(
        String.format(
            Locale.ROOT,
            "latency of completed requests: p50 %s ms, p99 %s ms, mean %s ms%n",
            Numbers.fixed(s.p50Ms(), 1),
            Numbers.fixed(s.p99Ms(), 1),
            Numbers.fixed(s.meanMs(), 1)));
    out.append(
        String.format(
            Locale.ROOT,
            "SLO missed in %s s; CPU used %s of %s core-s allocated%n%n",
            Numbers.fixed(s.sloViolationSeconds(), 1),
            Numbers.fixed(s.cpuCoreSeconds(), 1),
            Numbers.fixed(s.cpuAllocatedCoreSeconds(), 1)));
    out.append(endpointTable(sloViolationS).render());
    out.append("(p50: median over intervals; p99: worst interval)\n\n");
    out.append(serviceTable().render());
    return out.toString();
  }

  private TextTable endpointTable(ToDoubleFunction<String> sloViolationS) {
    TextTable table =
        new TextTable(
            "endpoint",
            "requests",
            "completed",
            "failed",
            "p50_ms",
            "p99_ms",
            "slo",
            "slo_violation_s");
    for (EndpointSpec spec : topology.endpoints()) {
      EndpointTotals t = endpoints.getOrDefault(spec.name(), new EndpointTotals());
      table.row(
          spec.name(),
          Long.toString(t.arrived),
          Long.toString(t.completed),
          Long.toString(t.failed),
          Numbers.fixed(t.medianP50Ms(), 1),
          Numbers.fixed(t.worstP99Ms, 1),
          "p"
              + Numbers.compact(spec.slo().percentile())
              + " < "
              + Numbers.compact(spec.slo().latencyMs())
              + " ms",
          Numbers.fixed(sloViolationS.applyAsDouble(spec.name()), 1));
    }
    return table;
  }

  private TextTable serviceTable() {
    TextTable table =
        new TextTable(
            "service (top " + TOP_SERVICES + " by CPU utilisation)",
            "replicas",
            "cpu_limit_cores",
            "cpu_utilisation",
            "cpu_core_s",
            "max_memory_utilisation");
    List<Map.Entry<String, ServiceTotals>> top =
        services.entrySet().stream()
            .sorted(
                Comparator.comparingDouble(
                        (Map.Entry<String, ServiceTotals> e) -> e.getValue().meanUtilisation())
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .limit(TOP_SERVICES)
            .toList();
    for (Map.Entry<String, ServiceTotals> e : top) {
      ServiceTotals t = e.getValue();
      table.row(
          e.getKey(),
          Integer.toString(t.replicas),
          Numbers.fixed(t.cpuLimitCores, 2),
          Numbers.fixed(t.meanUtilisation(), 3),
          Numbers.fixed(t.cpuCoreMs / 1000, 1),
          Numbers.fixed(t.maxMemoryUtilisation, 3));
    }
    return table;
  }

  private static final class EndpointTotals {
    long arrived;
    long completed;
    long failed;
    double worstP99Ms;
    double[] p50s = new double[16];
    int p50Count;

    void add(EndpointMetrics e) {
      arrived += e.arrived();
      completed += e.completed();
      failed += e.failed();
      if (e.completed() > 0) {
        worstP99Ms = Math.max(worstP99Ms, e.p99Ms());
        if (p50Count == p50s.length) {
          p50s = Arrays.copyOf(p50s, p50Count * 2);
        }
        p50s[p50Count++] = e.p50Ms();
      }
    }

    double medianP50Ms() {
      if (p50Count == 0) {
        return 0;
      }
      double[] sorted = Arrays.copyOf(p50s, p50Count);
      Arrays.sort(sorted);
      return p50Count % 2 == 1
          ? sorted[p50Count / 2]
          : (sorted[p50Count / 2 - 1] + sorted[p50Count / 2]) / 2;
    }
  }

  private static final class ServiceTotals {
    int replicas;
    double cpuLimitCores;
    double cpuCoreMs;
    double utilisationMs;
    double lengthMs;
    double maxMemoryUtilisation;

    void add(ServiceMetrics s, double intervalMs) {
      replicas = s.replicas();
      cpuLimitCores = s.cpuLimitCores();
      cpuCoreMs += s.cpuCoreMs();
      utilisationMs += s.cpuUtilisation() * intervalMs;
      lengthMs += intervalMs;
      maxMemoryUtilisation = Math.max(maxMemoryUtilisation, s.memoryUtilisation());
    }

    double meanUtilisation() {
      return lengthMs > 0 ? utilisationMs / lengthMs : 0;
    }
  }
}
