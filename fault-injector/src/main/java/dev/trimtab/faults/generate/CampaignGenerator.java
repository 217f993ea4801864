package dev.trimtab.faults.generate;

import dev.trimtab.env.random.Seeds;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.campaign.Campaign;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.FaultSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Seeded random campaigns. All randomness comes from the seed's {@code campaign} stream: the same
 * topology, arguments and seed give the same campaign.
 */
public final class CampaignGenerator {
  /** FIRM's six anomaly types (REFERENCE.md). */
  public static final List<FaultKind> FIRM_KINDS =
      List.of(
          FaultKind.CPU_CONTENTION,
          FaultKind.MEMORY_BANDWIDTH_CONTENTION,
          FaultKind.LLC_CONTENTION,
          FaultKind.DISK_IO_CONTENTION,
          FaultKind.BANDWIDTH_LIMIT,
          FaultKind.NETWORK_DELAY);

  private CampaignGenerator() {}

  /**
   * FIRM's anomaly injector: every {@code periodS} (first at {@code periodS}, so the run starts
   * clean) pick 1 to {@code maxServices} random services and a random non-empty subset of {@link
   * #FIRM_KINDS}; each chosen type hits all chosen services for 8-12 s (about 10 s) at a uniform
   * random intensity in [0, 1]. Network delay is 50 ± 5 ms.
   */
  public static Campaign firm(
      Topology topology, double horizonS, double periodS, int maxServices, long seed) {
    if (!(periodS > 12) || maxServices < 1) {
      throw new IllegalArgumentException("periodS must be > 12 and maxServices >= 1");
    }
    RandomGenerator rng = new Seeds(seed).stream("campaign");
    List<String> names = topology.services().stream().map(ServiceSpec::name).toList();
    List<FaultSpec> faults = new ArrayList<>();
    for (double startS = periodS; startS + 12 <= horizonS; startS += periodS) {
      List<String> chosen =
          sample(names, 1 + rng.nextInt(Math.min(maxServices, names.size())), rng);
      List<FaultKind> kinds = new ArrayList<>();
      while (kinds.isEmpty()) {
        for (FaultKind k : FIRM_KINDS) {
          if (rng.nextBoolean()) {
            kinds.add(k);
          }
        }
      }
      for (FaultKind k : kinds) {
        double durationS = 8 + 4 * rng.nextDouble();
        faults.add(TypicalFaults.of(k, topology, chosen, startS, durationS, rng.nextDouble(), rng));
      }
    }
    return new Campaign(
        "firm-" + seed, "FIRM anomaly injector on " + topology.name() + ", seed " + seed, faults);
  }

  /** {@link #firm(Topology, double, double, int, long)} with FIRM's 2 minutes and 3 services. */
  public static Campaign firm(Topology topology, double horizonS, long seed) {
    return firm(topology, horizonS, 120, 3, seed);
  }

  /**
   * One fault of {@code kind} at a time, for localization problems: at {@code periodS}, 2 x {@code
   * periodS}, ... a fault of {@code durationS} on one random eligible service (a GPU service for
   * GPU throttle) at a uniform random intensity in [0.5, 1], so that it shows.
   */
  public static Campaign single(
      Topology topology,
      FaultKind kind,
      double horizonS,
      double periodS,
      double durationS,
      long seed) {
    if (!(durationS > 0) || !(periodS > durationS)) {
      throw new IllegalArgumentException("need 0 < durationS < periodS");
    }
    RandomGenerator rng = new Seeds(seed).stream("campaign");
    List<String> eligible =
        topology.services().stream()
            .filter(s -> kind != FaultKind.GPU_THROTTLE || s.kind() == ServiceKind.GPU)
            .map(ServiceSpec::name)
            .toList();
    if (eligible.isEmpty()) {
      throw new IllegalArgumentException(
          "topology " + topology.name() + " has no service a " + kind.yamlName() + " can hit");
    }
    List<FaultSpec> faults = new ArrayList<>();
    for (double startS = periodS; startS + durationS <= horizonS; startS += periodS) {
      List<String> one = List.of(eligible.get(rng.nextInt(eligible.size())));
      double u = 0.5 + 0.5 * rng.nextDouble();
      faults.add(TypicalFaults.of(kind, topology, one, startS, durationS, u, rng));
    }
    return new Campaign(
        "single-" + kind.yamlName() + "-" + seed,
        "one " + kind.yamlName() + " at a time on " + topology.name() + ", seed " + seed,
        faults);
  }

  /** {@code k} distinct names drawn uniformly, in their original order. */
  private static List<String> sample(List<String> names, int k, RandomGenerator rng) {
    int[] index = new int[names.size()];
    Arrays.setAll(index, i -> i);
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(index.length - i);
      int swap = index[i];
      index[i] = index[j];
      index[j] = swap;
    }
    int[] chosen = Arrays.copyOf(index, k);
    Arrays.sort(chosen);
    return Arrays.stream(chosen).mapToObj(names::get).toList();
  }
}
