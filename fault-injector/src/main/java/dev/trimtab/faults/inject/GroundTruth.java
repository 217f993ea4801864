package dev.trimtab.faults.inject;

import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.FaultSpec;
import java.util.List;

/**
 * What was injected: the labels detection, localization and RCA are scored against.
 *
 * @param faultIndex the fault's position in its campaign
 * @param services the services the target resolved to, in topology order; empty for workload
 *     faults, which hit no service in particular
 * @param startMs when the fault began, in simulated milliseconds
 * @param endMs when it ended (was removed)
 * @param intensity the fault's magnitude, in the unit {@link FaultKind#intensityMeaning()} gives
 * @param spec the fault as written in the campaign
 */
public record GroundTruth(
    int faultIndex,
    FaultKind kind,
    List<String> services,
    double startMs,
    double endMs,
    double intensity,
    FaultSpec spec) {

  public GroundTruth {
    services = List.copyOf(services);
  }

  /** Whether the fault is active at simulated time {@code atMs}. */
  public boolean activeAt(double atMs) {
    return atMs >= startMs && atMs < endMs;
  }
}
