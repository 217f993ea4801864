package dev.trimtab.faults.campaign;

import dev.trimtab.env.config.Limits;
import dev.trimtab.env.config.Range;
import dev.trimtab.env.config.YamlField;
import dev.trimtab.env.topology.TopologyLoader;
import dev.trimtab.faults.spec.BandwidthLimit;
import dev.trimtab.faults.spec.CpuContention;
import dev.trimtab.faults.spec.DiskIoContention;
import dev.trimtab.faults.spec.ErrorInjection;
import dev.trimtab.faults.spec.FaultFieldException;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.FaultSpec;
import dev.trimtab.faults.spec.FlashCrowd;
import dev.trimtab.faults.spec.GpuThrottle;
import dev.trimtab.faults.spec.Hang;
import dev.trimtab.faults.spec.LatencyInjection;
import dev.trimtab.faults.spec.LimitResource;
import dev.trimtab.faults.spec.LlcContention;
import dev.trimtab.faults.spec.MemoryBandwidthContention;
import dev.trimtab.faults.spec.MemoryLeak;
import dev.trimtab.faults.spec.MisconfiguredLimit;
import dev.trimtab.faults.spec.MixShift;
import dev.trimtab.faults.spec.NetworkDelay;
import dev.trimtab.faults.spec.NetworkLoss;
import dev.trimtab.faults.spec.Partition;
import dev.trimtab.faults.spec.PayloadShift;
import dev.trimtab.faults.spec.RateShift;
import dev.trimtab.faults.spec.SelectorMode;
import dev.trimtab.faults.spec.ServiceCrash;
import dev.trimtab.faults.spec.Target;
import dev.trimtab.faults.spec.TraceSwap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds one fault's map into its record. Every number is read against its documented range (the
 * records check what a fault means; these ranges also bound what a run can hold); every error names
 * the field path.
 */
final class FaultBinder {
  /** Most services or patterns a target lists. */
  static final int MAX_TARGET_SERVICES = 10_000;

  /** Most steps a flash crowd's curve is cut into (durationS / stepS). */
  static final int MAX_FLASH_CROWD_STEPS = 1_000_000;

  /** Most endpoints a mix-shift or trace-swap weighs. */
  static final int MAX_WEIGHTS = 10_000;

  static final Range INTENSITY = Range.closed(0, 1, "an intensity");
  static final Range BANDWIDTH_MBIT_PER_S = Range.above(0, 1_000_000, "a number of Mbit/s");
  static final Range PAYLOAD_KIB = Range.above(0, 1_048_576, "a number of KiB");
  static final Range LEAK_MIB_PER_S = Range.above(0, Limits.MAX_MIB, "a number of MiB/s");
  static final Range MULTIPLIER = Range.closed(1, Limits.MAX_FACTOR, "a factor");
  static final Range STEP_S = Range.closed(0.01, Limits.MAX_SECONDS, "a number of seconds");
  static final Range ENDPOINT_WEIGHT = Range.closed(0, Limits.MAX_WEIGHT, "a weight");
  static final Range TARGET_VALUE = Range.integers(0, Limits.MAX_REPLICAS, "an integer");

  private static final List<String> TARGET_FIELDS = List.of("services", "labels", "mode", "value");

  private FaultBinder() {}

  /** Fields each kind takes besides {@code kind}, {@code startS}, {@code durationS}, target. */
  static List<String> specificFields(FaultKind kind) {
    return switch (kind) {
      case CPU_CONTENTION,
          MEMORY_BANDWIDTH_CONTENTION,
          LLC_CONTENTION,
          DISK_IO_CONTENTION,
          GPU_THROTTLE ->
          List.of("intensity");
      case NETWORK_DELAY -> List.of("delayMs", "jitterMs", "to");
      case NETWORK_LOSS -> List.of("probability", "to");
      case BANDWIDTH_LIMIT -> List.of("rateMbitPerS", "payloadKiB");
      case PARTITION -> List.of("to");
      case SERVICE_CRASH -> List.of("replicas");
      case HANG -> List.of();
      case MEMORY_LEAK -> List.of("leakMiBPerS");
      case LATENCY_INJECTION -> List.of("latencyMs");
      case ERROR_INJECTION -> List.of("probability");
      case MISCONFIGURED_LIMIT -> List.of("cpuLimitCores", "memoryLimitMiB");
      case PAYLOAD_SHIFT -> List.of("multiplier");
      case FLASH_CROWD -> List.of("peakMultiple", "rampUpS", "rampDownS", "stepS");
      case RATE_SHIFT -> List.of("factor");
      case MIX_SHIFT -> List.of("weights");
      case TRACE_SWAP -> List.of("trace", "rateMultiple", "mix");
    };
  }

  static FaultSpec bind(YamlField n) {
    if (!n.isMap()) {
      throw n.expected("a map with fields kind, startS, durationS and the kind's own");
    }
    FaultKind kind = FaultKind.fromYaml(n.required("kind").choice(FaultKind.yamlNames()));
    List<String> known = new ArrayList<>(List.of("kind"));
    if (!kind.workload()) {
      known.add("target");
    }
    known.addAll(List.of("startS", "durationS"));
    known.addAll(specificFields(kind));
    n.requireMap(known);
    try {
      return build(kind, n);
    } catch (FaultFieldException e) {
      throw n.required(e.field()).error(e.problem());
    }
  }

  private static FaultSpec build(FaultKind kind, YamlField n) {
    double start = n.required("startS").number(Limits.START_S);
    double duration = n.required("durationS").number(Limits.DURATION_S);
    if (kind.workload()) {
      return workload(kind, n, start, duration);
    }
    Target t = target(n.required("target"));
    return switch (kind) {
      case CPU_CONTENTION -> new CpuContention(t, start, duration, intensity(n));
      case MEMORY_BANDWIDTH_CONTENTION ->
          new MemoryBandwidthContention(t, start, duration, intensity(n));
      case LLC_CONTENTION -> new LlcContention(t, start, duration, intensity(n));
      case DISK_IO_CONTENTION -> new DiskIoContention(t, start, duration, intensity(n));
      case GPU_THROTTLE -> new GpuThrottle(t, start, duration, intensity(n));
      case NETWORK_DELAY ->
          new NetworkDelay(
              t,
              start,
              duration,
              n.required("delayMs").number(Limits.DELAY_MS),
              n.optionalNumber("jitterMs", 0, Limits.DELAY_MS),
              n.optionalText("to", null, "a service name"));
      case NETWORK_LOSS ->
          new NetworkLoss(
              t,
              start,
              duration,
              n.required("probability").number(Limits.PROBABILITY),
              n.optionalText("to", null, "a service name"));
      case BANDWIDTH_LIMIT ->
          new BandwidthLimit(
              t,
              start,
              duration,
              n.required("rateMbitPerS").number(BANDWIDTH_MBIT_PER_S),
              n.required("payloadKiB").number(PAYLOAD_KIB));
      case PARTITION -> new Partition(t, start, duration, n.required("to").text("a service name"));
      case SERVICE_CRASH ->
          new ServiceCrash(t, start, duration, n.required("replicas").integer(Limits.REPLICAS));
      case HANG -> new Hang(t, start, duration);
      case MEMORY_LEAK ->
          new MemoryLeak(t, start, duration, n.required("leakMiBPerS").number(LEAK_MIB_PER_S));
      case LATENCY_INJECTION ->
          new LatencyInjection(
              t, start, duration, n.required("latencyMs").number(Limits.LATENCY_MS));
      case ERROR_INJECTION ->
          new ErrorInjection(
              t, start, duration, n.required("probability").number(Limits.PROBABILITY));
      case MISCONFIGURED_LIMIT -> misconfiguredLimit(n, t, start, duration);
      case PAYLOAD_SHIFT ->
          new PayloadShift(t, start, duration, n.required("multiplier").number(MULTIPLIER));
      case FLASH_CROWD, RATE_SHIFT, MIX_SHIFT, TRACE_SWAP -> throw new IllegalStateException();
    };
  }

  private static double intensity(YamlField n) {
    return n.required("intensity").number(INTENSITY);
  }

  private static FaultSpec workload(FaultKind kind, YamlField n, double start, double duration) {
    return switch (kind) {
      case FLASH_CROWD -> flashCrowd(n, start, duration);
      case RATE_SHIFT -> new RateShift(start, duration, n.required("factor").number(Limits.FACTOR));
      case MIX_SHIFT -> new MixShift(start, duration, weights(n.required("weights")));
      case TRACE_SWAP ->
          new TraceSwap(
              start,
              duration,
              n.required("trace").text("a name for the trace"),
              n.required("rateMultiple").number(Limits.FACTOR),
              n.has("mix") ? weights(n.required("mix")) : null);
      default -> throw new IllegalStateException("not a workload fault: " + kind);
    };
  }

  private static FlashCrowd flashCrowd(YamlField n, double start, double duration) {
    YamlField stepField = n.required("stepS");
    double stepS = n.optionalNumber("stepS", 1, STEP_S);
    if (duration / stepS > MAX_FLASH_CROWD_STEPS) {
      throw stepField.error(
          "expected at most "
              + MAX_FLASH_CROWD_STEPS
              + " steps (durationS / stepS); got "
              + Range.format(Math.ceil(duration / stepS))
              + "; make stepS at least "
              + Range.format(duration / MAX_FLASH_CROWD_STEPS));
    }
    return new FlashCrowd(
        start,
        duration,
        n.required("peakMultiple").number(Limits.FACTOR),
        n.optionalNumber("rampUpS", 0, Limits.SPAN_S),
        n.optionalNumber("rampDownS", 0, Limits.SPAN_S),
        stepS);
  }

  private static Map<String, Double> weights(YamlField map) {
    return map.weights(ENDPOINT_WEIGHT, MAX_WEIGHTS);
  }

  private static MisconfiguredLimit misconfiguredLimit(
      YamlField n, Target t, double start, double dur) {
    boolean cpu = n.has("cpuLimitCores");
    if (cpu == n.has("memoryLimitMiB")) {
      throw n.required("cpuLimitCores")
          .error("give exactly one of cpuLimitCores and memoryLimitMiB");
    }
    return cpu
        ? new MisconfiguredLimit(
            t, start, dur, LimitResource.CPU, n.required("cpuLimitCores").number(Limits.CORES))
        : new MisconfiguredLimit(
            t, start, dur, LimitResource.MEMORY, n.required("memoryLimitMiB").number(Limits.MIB));
  }

  private static Target target(YamlField n) {
    n.requireMap(TARGET_FIELDS);
    SelectorMode mode = SelectorMode.fromYaml(n.required("mode").choice(SelectorMode.yamlNames()));
    int value = n.optionalInteger("value", 0, TARGET_VALUE);
    List<String> services = new ArrayList<>();
    if (n.has("services")) {
      for (YamlField s : n.required("services").elements(0, MAX_TARGET_SERVICES, "services")) {
        services.add(s.text("a service name or glob pattern"));
      }
    }
    Map<String, String> labels =
        n.optionalStringMap("labels", TopologyLoader.LABEL, TopologyLoader.LABEL_TEXT);
    try {
      return new Target(services, labels, mode, value);
    } catch (FaultFieldException e) {
      throw n.required(e.field().substring("target.".length())).error(e.problem());
    }
  }
}
