package dev.trimtab.faults.campaign;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds one fault's YAML mapping into its record; every error names the field path. */
final class FaultBinder {
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

  static FaultSpec bind(Node n) {
    String kindName = n.text("kind");
    FaultKind kind = FaultKind.fromYaml(kindName);
    if (kind == null) {
      throw n.error(
          "kind", "unknown fault kind '" + kindName + "'; known: " + FaultKind.yamlNames());
    }
    Set<String> known = new LinkedHashSet<>(List.of("kind"));
    if (!kind.workload()) {
      known.add("target");
    }
    known.addAll(List.of("startS", "durationS"));
    known.addAll(specificFields(kind));
    n.onlyKnown(known, kind.yamlName());
    try {
      return build(kind, n);
    } catch (FaultFieldException e) {
      throw n.error(e.field(), e.problem());
    }
  }

  private static FaultSpec build(FaultKind kind, Node n) {
    double start = n.number("startS");
    double duration = n.number("durationS");
    if (kind.workload()) {
      return workload(kind, n, start, duration);
    }
    Target t = target(n.object("target"));
    return switch (kind) {
      case CPU_CONTENTION -> new CpuContention(t, start, duration, n.number("intensity"));
      case MEMORY_BANDWIDTH_CONTENTION ->
          new MemoryBandwidthContention(t, start, duration, n.number("intensity"));
      case LLC_CONTENTION -> new LlcContention(t, start, duration, n.number("intensity"));
      case DISK_IO_CONTENTION -> new DiskIoContention(t, start, duration, n.number("intensity"));
      case GPU_THROTTLE -> new GpuThrottle(t, start, duration, n.number("intensity"));
      case NETWORK_DELAY ->
          new NetworkDelay(
              t,
              start,
              duration,
              n.number("delayMs"),
              n.optionalNumber("jitterMs", 0),
              n.optionalText("to", null));
      case NETWORK_LOSS ->
          new NetworkLoss(t, start, duration, n.number("probability"), n.optionalText("to", null));
      case BANDWIDTH_LIMIT ->
          new BandwidthLimit(t, start, duration, n.number("rateMbitPerS"), n.number("payloadKiB"));
      case PARTITION -> new Partition(t, start, duration, n.text("to"));
      case SERVICE_CRASH -> new ServiceCrash(t, start, duration, n.integer("replicas"));
      case HANG -> new Hang(t, start, duration);
      case MEMORY_LEAK -> new MemoryLeak(t, start, duration, n.number("leakMiBPerS"));
      case LATENCY_INJECTION -> new LatencyInjection(t, start, duration, n.number("latencyMs"));
      case ERROR_INJECTION -> new ErrorInjection(t, start, duration, n.number("probability"));
      case MISCONFIGURED_LIMIT -> misconfiguredLimit(n, t, start, duration);
      case PAYLOAD_SHIFT -> new PayloadShift(t, start, duration, n.number("multiplier"));
      case FLASH_CROWD, RATE_SHIFT, MIX_SHIFT, TRACE_SWAP -> throw new IllegalStateException();
    };
  }

  private static FaultSpec workload(FaultKind kind, Node n, double start, double duration) {
    return switch (kind) {
      case FLASH_CROWD ->
          new FlashCrowd(
              start,
              duration,
              n.number("peakMultiple"),
              n.optionalNumber("rampUpS", 0),
              n.optionalNumber("rampDownS", 0),
              n.optionalNumber("stepS", 1));
      case RATE_SHIFT -> new RateShift(start, duration, n.number("factor"));
      case MIX_SHIFT -> new MixShift(start, duration, n.weights("weights"));
      case TRACE_SWAP ->
          new TraceSwap(
              start,
              duration,
              n.text("trace"),
              n.number("rateMultiple"),
              n.has("mix") ? n.weights("mix") : null);
      default -> throw new IllegalStateException("not a workload fault: " + kind);
    };
  }

  private static MisconfiguredLimit misconfiguredLimit(Node n, Target t, double start, double dur) {
    boolean cpu = n.has("cpuLimitCores");
    if (cpu == n.has("memoryLimitMiB")) {
      throw n.error("cpuLimitCores", "give exactly one of cpuLimitCores and memoryLimitMiB");
    }
    return cpu
        ? new MisconfiguredLimit(t, start, dur, LimitResource.CPU, n.number("cpuLimitCores"))
        : new MisconfiguredLimit(t, start, dur, LimitResource.MEMORY, n.number("memoryLimitMiB"));
  }

  private static Target target(Node n) {
    n.onlyKnown(new LinkedHashSet<>(List.of("services", "labels", "mode", "value")), "target");
    String modeName = n.text("mode");
    SelectorMode mode = SelectorMode.fromYaml(modeName);
    if (mode == null) {
      throw n.error(
          "mode", "unknown mode '" + modeName + "'; allowed: " + SelectorMode.yamlNames());
    }
    int value = n.has("value") ? n.integer("value") : 0;
    try {
      List<String> services = n.has("services") ? n.texts("services") : List.of();
      java.util.Map<String, String> labels =
          n.has("labels") ? n.labels("labels") : java.util.Map.of();
      return new Target(services, labels, mode, value);
    } catch (FaultFieldException e) {
      throw n.error(e.field().substring("target.".length()), e.problem());
    }
  }
}
