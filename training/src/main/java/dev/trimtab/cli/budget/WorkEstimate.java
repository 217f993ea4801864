package dev.trimtab.cli.budget;

import dev.trimtab.env.topology.CallNode;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.DiurnalWorkload;
import dev.trimtab.env.workload.FlashCrowdWorkload;
import dev.trimtab.env.workload.MmppWorkload;
import dev.trimtab.env.workload.PoissonWorkload;
import dev.trimtab.env.workload.TraceWorkload;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.env.workload.WorkloadOptions;
import dev.trimtab.env.workload.WorkloadSpec;
import java.util.Map;

/**
 * The work one simulated run implies, from its inputs alone, before anything runs: requests and
 * simulator events, the memory it holds at its peak, and the bytes it writes. Figures are estimates
 * (means and simple bounds, no queueing), accurate to tens of percent on the bundled topologies;
 * they exist to refuse inputs that are off by orders of magnitude, in milliseconds.
 *
 * <p>How each figure is made (the constants below were measured on the bundled topologies):
 *
 * <ul>
 *   <li><b>Calls per request</b>: over the endpoints, weighted by the workload's mix (or the
 *       endpoints' weights), the expected number of calls in the call tree: each node counts the
 *       product of the call probabilities from the root to it.
 *   <li><b>Events</b>: requests (mean rate × duration) × ({@value #EVENTS_PER_REQUEST} + {@value
 *       #EVENTS_PER_CALL} × calls per request): a request arrives; a call reaches its callee, ends
 *       its CPU burst and reaches its caller again. Measured: 20.2 events a request on
 *       social-network (6.6 calls), 23.2 on hotel-reservation (7.4).
 *   <li><b>Calls in flight</b>, the smaller of: every call held for the longest timeout in the
 *       topology (the overloaded worst case, at the peak rate); and the bounded queues full, each
 *       queued or running call with its waiting ancestors (replicas counted as at least {@value
 *       #SCALED_REPLICAS}, the HPA's default maximum), plus the calls on the network. At {@value
 *       #BYTES_PER_CALL_IN_FLIGHT} bytes each (the simulator's call record and its pending events,
 *       with the slack of arrays that grow by doubling).
 *   <li><b>One interval's latencies</b>: every call and, twice, every request completed in an
 *       interval at the peak rate keeps its latency until the interval ends, {@value
 *       #BYTES_PER_LATENCY} bytes each; no one buffer may pass {@value #MAX_SAMPLES_PER_BUFFER}
 *       samples (a Java array's limit).
 *   <li><b>Replicas</b>: {@value #BYTES_PER_REPLICA} bytes each, as the topology asks for them.
 *   <li><b>Kept per interval</b>: a {@code sim} run keeps each endpoint's interval median for its
 *       report ({@value #BYTES_PER_KEPT_MEDIAN} bytes); an {@code eval} run keeps one sample per
 *       interval ({@value #BYTES_PER_EVAL_SAMPLE} bytes) until the leaderboard is written.
 *   <li><b>Spans</b>: with sampling, the spans of one interval are buffered ({@value
 *       #BYTES_PER_BUFFERED_SPAN} bytes each, at most {@value #MAX_BUFFERED_SPANS}) and, for {@code
 *       --spans}, written as OTLP JSON ({@value #BYTES_PER_WRITTEN_SPAN} bytes each; measured 530).
 *   <li><b>Bytes written</b>: {@code metrics.csv} rows (intervals × services, {@value
 *       #METRICS_ROW_BYTES} bytes; measured 139) and {@code endpoints.csv} rows (intervals ×
 *       endpoints, {@value #ENDPOINTS_ROW_BYTES} bytes; measured 63), plus spans.
 * </ul>
 *
 * @param meanRatePerS mean client requests per simulated second over the run
 * @param peakRatePerS the highest rate the workload reaches (its mean for traces)
 * @param callsPerRequest expected calls to services per client request
 * @param requests expected client requests in the run
 * @param events expected simulator events in the run
 * @param intervals control intervals in the run
 * @param peakCallsPerInterval calls completed in one interval at the peak rate
 * @param memory the peak memory, by cause
 * @param disk the bytes written, by file
 */
public record WorkEstimate(
    double meanRatePerS,
    double peakRatePerS,
    double callsPerRequest,
    double requests,
    double events,
    double intervals,
    double peakCallsPerInterval,
    Memory memory,
    Disk disk) {

  public static final double EVENTS_PER_REQUEST = 1;
  public static final double EVENTS_PER_CALL = 3;
  public static final int BYTES_PER_CALL_IN_FLIGHT = 384;
  public static final int SCALED_REPLICAS = 10;
  public static final int BYTES_PER_LATENCY = 16;
  public static final long MAX_SAMPLES_PER_BUFFER = 1L << 30;
  public static final int BYTES_PER_REPLICA = 256;
  public static final int BYTES_PER_KEPT_MEDIAN = 16;
  public static final int BYTES_PER_EVAL_SAMPLE = 160;
  public static final int BYTES_PER_BUFFERED_SPAN = 1024;
  public static final int MAX_BUFFERED_SPANS = 200_000;
  public static final int BYTES_PER_WRITTEN_SPAN = 600;
  public static final int METRICS_ROW_BYTES = 160;
  public static final int ENDPOINTS_ROW_BYTES = 80;

  /**
   * Peak memory of one run, in bytes.
   *
   * @param callsInFlight the simulator's calls and pending events
   * @param intervalLatencies one interval's latencies, kept for its percentiles
   * @param replicas the replicas' state
   * @param keptPerInterval what the run keeps of every interval until it ends
   * @param spanBuffer spans buffered between two flushes
   */
  public record Memory(
      double callsInFlight,
      double intervalLatencies,
      double replicas,
      double keptPerInterval,
      double spanBuffer) {
    public double total() {
      return callsInFlight + intervalLatencies + replicas + keptPerInterval + spanBuffer;
    }

    /** What the simulation holds, without what the run keeps of finished intervals. */
    public double workingSet() {
      return callsInFlight + intervalLatencies + replicas + spanBuffer;
    }
  }

  /** Bytes written by one run, by file. */
  public record Disk(double metricsCsv, double endpointsCsv, double spans) {
    public double total() {
      return metricsCsv + endpointsCsv + spans;
    }
  }

  /** Estimates {@code run}. Fast: closed forms over the topology and the workload's parameters. */
  public static WorkEstimate of(RunShape run) {
    Topology topo = run.topology();
    double meanRate = run.workload().meanRatePerS(run.durationS());
    double peakRate = Math.max(meanRate, peakRatePerS(run.workload(), meanRate));
    double calls = callsPerRequest(topo, run.workload().mix());
    double requests = meanRate * run.durationS();
    double events = requests * (EVENTS_PER_REQUEST + EVENTS_PER_CALL * calls);
    double intervals = Math.max(1, Math.ceil(run.durationS() / run.intervalS() - 1e-9));
    double peakRequestsPerInterval = peakRate * Math.min(run.intervalS(), run.durationS());
    double peakCallsPerInterval = peakRequestsPerInterval * calls;

    double replicas = 0;
    for (ServiceSpec s : topo.services()) {
      replicas += s.replicas();
    }
    double inFlight =
        Math.min(
            peakRate * calls * Math.min(maxTimeoutS(topo), run.durationS()),
            queuedCallsBound(topo) + peakRate * calls * 2 * topo.networkHopMs() / 1000);
    double sampled = peakCallsPerInterval * run.spanSampling();
    Memory memory =
        new Memory(
            inFlight * BYTES_PER_CALL_IN_FLIGHT,
            (peakCallsPerInterval + 2 * peakRequestsPerInterval) * BYTES_PER_LATENCY,
            replicas * BYTES_PER_REPLICA,
            intervals
                * switch (run.keeps()) {
                  case RUN_FILES -> topo.endpoints().size() * (double) BYTES_PER_KEPT_MEDIAN;
                  case SAMPLES -> BYTES_PER_EVAL_SAMPLE;
                  case NOTHING -> 0;
                },
            Math.min(sampled, MAX_BUFFERED_SPANS) * BYTES_PER_BUFFERED_SPAN);
    Disk disk =
        run.keeps() == RunShape.Keeps.RUN_FILES
            ? new Disk(
                intervals * topo.services().size() * METRICS_ROW_BYTES,
                intervals * topo.endpoints().size() * ENDPOINTS_ROW_BYTES,
                requests * calls * run.spanSampling() * BYTES_PER_WRITTEN_SPAN)
            : new Disk(0, 0, 0);
    return new WorkEstimate(
        meanRate, peakRate, calls, requests, events, intervals, peakCallsPerInterval, memory, disk);
  }

  /**
   * Expected calls per client request: the mix-weighted mean over endpoints of the expected number
   * of nodes of each call tree (a node counts the product of the probabilities from the root).
   */
  public static double callsPerRequest(Topology topology, Map<String, Double> mix) {
    double weighted = 0;
    double total = 0;
    for (EndpointSpec e : topology.endpoints()) {
      double w = mix.isEmpty() ? e.weight() : mix.getOrDefault(e.name(), 0.0);
      weighted += w * expectedCalls(e.root());
      total += w;
    }
    return total > 0 ? weighted / total : 0;
  }

  private static double expectedCalls(CallNode node) {
    double below = 1;
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        below += expectedCalls(child);
      }
    }
    return node.probability() * below;
  }

  private static int depth(CallNode node) {
    int deepest = 0;
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        deepest = Math.max(deepest, depth(child));
      }
    }
    return 1 + deepest;
  }

  private static double maxTimeoutS(Topology topology) {
    double ms = 0;
    for (ServiceSpec s : topology.services()) {
      ms = Math.max(ms, s.timeoutMs());
    }
    return ms / 1000;
  }

  /** Calls waiting or running with all queues full, each with its waiting ancestors. */
  private static double queuedCallsBound(Topology topology) {
    int depth = 1;
    for (EndpointSpec e : topology.endpoints()) {
      depth = Math.max(depth, depth(e.root()));
    }
    double slots = 0;
    for (ServiceSpec s : topology.services()) {
      double replicas = Math.max(s.replicas(), SCALED_REPLICAS);
      slots += replicas * ((double) s.queueBound() + Math.ceil(s.cpuLimitCores()));
    }
    return slots * depth;
  }

  /**
   * The highest simulated rate {@code workload} reaches: exact for the synthetic kinds, the mean
   * for a trace (its per-second peaks are not kept) and for kinds this does not know.
   */
  static double peakRatePerS(Workload workload, double meanRatePerS) {
    if (!(workload instanceof WorkloadSpec spec)) {
      return meanRatePerS;
    }
    WorkloadOptions o = spec.options();
    double patternPeak;
    if (spec instanceof PoissonWorkload p) {
      patternPeak = p.ratePerS();
    } else if (spec instanceof DiurnalWorkload d) {
      patternPeak = d.maxRatePerS();
    } else if (spec instanceof FlashCrowdWorkload f) {
      patternPeak = f.baseRatePerS() * Math.max(1, f.peakMultiple());
    } else if (spec instanceof MmppWorkload m) {
      patternPeak = m.ratesPerS().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    } else if (spec instanceof TraceWorkload t) {
      patternPeak = t.stats().windowRatePerS();
    } else {
      return meanRatePerS;
    }
    return patternPeak * o.rateScale() * o.timeCompression();
  }
}
