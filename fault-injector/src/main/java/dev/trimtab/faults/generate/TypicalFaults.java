package dev.trimtab.faults.generate;

import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.spec.BandwidthLimit;
import dev.trimtab.faults.spec.CpuContention;
import dev.trimtab.faults.spec.DiskIoContention;
import dev.trimtab.faults.spec.ErrorInjection;
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
import dev.trimtab.faults.spec.ServiceCrash;
import dev.trimtab.faults.spec.Target;
import dev.trimtab.faults.spec.TraceSwap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A typical instance of each fault kind at intensity {@code u} in [0, 1]. The mappings (e.g. loss
 * probability 0.05 + 0.45u, added latency 50 + 950u ms) are listed in {@code docs/faults.md}.
 */
public final class TypicalFaults {
  private TypicalFaults() {}

  /**
   * A fault of {@code kind} on exactly {@code services} (ignored for workload kinds); {@code rng}
   * draws the partner of a partition and random mixes.
   */
  public static FaultSpec of(
      FaultKind kind,
      Topology topology,
      List<String> services,
      double startS,
      double durationS,
      double u,
      RandomGenerator rng) {
    Target t =
        kind.workload() ? null : new Target(services, dev.trimtab.faults.spec.SelectorMode.ALL, 0);
    return switch (kind) {
      case CPU_CONTENTION -> new CpuContention(t, startS, durationS, u);
      case MEMORY_BANDWIDTH_CONTENTION -> new MemoryBandwidthContention(t, startS, durationS, u);
      case LLC_CONTENTION -> new LlcContention(t, startS, durationS, u);
      case DISK_IO_CONTENTION -> new DiskIoContention(t, startS, durationS, u);
      case GPU_THROTTLE -> new GpuThrottle(t, startS, durationS, u);
      case NETWORK_DELAY -> new NetworkDelay(t, startS, durationS, 50, 5, null);
      case NETWORK_LOSS -> new NetworkLoss(t, startS, durationS, 0.05 + 0.45 * u, null);
      case BANDWIDTH_LIMIT -> new BandwidthLimit(t, startS, durationS, 100 * (1 - 0.99 * u), 8);
      case PARTITION -> new Partition(t, startS, durationS, partner(topology, services, rng));
      case SERVICE_CRASH -> new ServiceCrash(t, startS, durationS, 1);
      case HANG -> new Hang(t, startS, durationS);
      case MEMORY_LEAK -> new MemoryLeak(t, startS, durationS, 1 + 99 * u);
      case LATENCY_INJECTION -> new LatencyInjection(t, startS, durationS, 50 + 950 * u);
      case ERROR_INJECTION -> new ErrorInjection(t, startS, durationS, 0.05 + 0.45 * u);
      case MISCONFIGURED_LIMIT -> {
        double cores = topology.service(services.get(0)).cpuLimitCores();
        yield new MisconfiguredLimit(
            t, startS, durationS, LimitResource.CPU, cores * (1 - 0.9 * u));
      }
      case PAYLOAD_SHIFT -> new PayloadShift(t, startS, durationS, 1 + 3 * u);
      case FLASH_CROWD ->
          new FlashCrowd(
              startS, durationS, 1 + 4 * u, 0.2 * durationS, 0.2 * durationS, durationS / 20);
      case RATE_SHIFT -> new RateShift(startS, durationS, 0.5 + 1.5 * u);
      case MIX_SHIFT -> new MixShift(startS, durationS, randomMix(topology, rng));
      case TRACE_SWAP ->
          new TraceSwap(startS, durationS, "generated", 0.5 + 1.5 * u, randomMix(topology, rng));
    };
  }

  private static String partner(Topology topology, List<String> services, RandomGenerator rng) {
    List<String> others =
        topology.services().stream()
            .map(ServiceSpec::name)
            .filter(s -> !services.contains(s))
            .toList();
    if (others.isEmpty()) {
      throw new IllegalArgumentException("a partition needs a service outside the target");
    }
    return others.get(rng.nextInt(others.size()));
  }

  private static Map<String, Double> randomMix(Topology topology, RandomGenerator rng) {
    Map<String, Double> mix = new LinkedHashMap<>();
    for (EndpointSpec e : topology.endpoints()) {
      mix.put(e.name(), 0.05 + rng.nextDouble());
    }
    return mix;
  }
}
