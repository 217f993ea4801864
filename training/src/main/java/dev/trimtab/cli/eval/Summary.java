package dev.trimtab.cli.eval;

import dev.trimtab.faults.problem.TaskKind;
import dev.trimtab.faults.score.DetectionScore;
import dev.trimtab.faults.score.LocalizationScore;
import dev.trimtab.faults.score.MitigationScore;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One controller's scores over a suite. Each task's scores are summarised over the runs of problems
 * of that task only: detection accuracy over detection problems, and so on. Means of times are over
 * the runs where the time exists (detected, localized, mitigated); NaN when there are none.
 */
public record Summary(
    String controller,
    int runs,
    int detectionRuns,
    double detectionAccuracy,
    double meanTimeToDetectS,
    int localizationRuns,
    double top1Accuracy,
    double top3Accuracy,
    double meanTimeToLocalizeS,
    int mitigationRuns,
    double meanSloViolationS,
    double meanTimeToMitigateS,
    int unmitigated,
    double meanCpuCoreS,
    double meanMemoryMiBS,
    double meanEnergyJ,
    double meanCarbonG) {

  static Summary of(String controller, List<Leaderboard.Row> rows) {
    List<DetectionScore> det =
        rows.stream()
            .filter(r -> r.task() == TaskKind.DETECTION)
            .map(r -> r.outcome().detection())
            .toList();
    List<LocalizationScore> loc =
        rows.stream()
            .filter(r -> r.task() == TaskKind.LOCALIZATION)
            .map(r -> r.outcome().localization())
            .toList();
    List<MitigationScore> mit =
        rows.stream()
            .filter(r -> r.task() == TaskKind.MITIGATION)
            .map(r -> r.outcome().mitigation())
            .toList();
    return new Summary(
        controller,
        rows.size(),
        det.size(),
        share(det, DetectionScore::correct),
        mean(det, DetectionScore::timeToDetectS),
        loc.size(),
        share(loc, LocalizationScore::top1),
        share(loc, LocalizationScore::top3),
        mean(loc, LocalizationScore::timeToLocalizeS),
        mit.size(),
        mean(mit, MitigationScore::sloViolationS),
        mean(mit, MitigationScore::timeToMitigateS),
        (int) mit.stream().filter(m -> !m.mitigated()).count(),
        mean(mit, MitigationScore::cpuCoreS),
        mean(mit, MitigationScore::memoryMiBS),
        mean(mit, MitigationScore::energyJ),
        mean(mit, MitigationScore::carbonG));
  }

  /** Share of {@code items} for which {@code test} holds; NaN for none. */
  static <T> double share(List<T> items, java.util.function.Predicate<T> test) {
    if (items.isEmpty()) {
      return Double.NaN;
    }
    return (double) items.stream().filter(test).count() / items.size();
  }

  /** Mean of the non-NaN values; NaN when there are none. Summed in list order (stable). */
  static <T> double mean(List<T> items, ToDoubleFunction<T> value) {
    double sum = 0;
    int n = 0;
    for (T item : items) {
      double v = value.applyAsDouble(item);
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
