package dev.trimtab.faults.score;

import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.faults.inject.GroundTruth;
import java.util.List;

/**
 * One run of one problem with one controller and seed: what happened and how it scored.
 *
 * @param localization null when no fault hit a service
 */
public record ProblemOutcome(
    String problem,
    String controller,
    long seed,
    List<IntervalSample> samples,
    List<GroundTruth> truth,
    RunSummary summary,
    DetectionScore detection,
    LocalizationScore localization,
    MitigationScore mitigation) {

  public ProblemOutcome {
    samples = List.copyOf(samples);
    truth = List.copyOf(truth);
  }
}
