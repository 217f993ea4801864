package dev.trimtab.faults.score;

import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.faults.inject.GroundTruth;
import java.util.List;

/**
 * Turns a run's intervals and its ground truth into scores. Pure functions of their inputs, so each
 * is checked against hand-computed sequences; {@code docs/eval.md} states the same rules.
 */
public final class Scorers {
  private Scorers() {}

  /** First fault start in seconds, or NaN with no faults. */
  static double firstFaultS(List<GroundTruth> truth) {
    return truth.stream().mapToDouble(t -> t.startMs() / 1000).min().orElse(Double.NaN);
  }

  /** Detection: see {@link DetectionScore}. */
  public static DetectionScore detection(List<IntervalSample> samples, List<GroundTruth> truth) {
    double alarmS = Double.NaN;
    for (IntervalSample s : samples) {
      if (s.alarm()) {
        alarmS = s.endS();
        break;
      }
    }
    if (truth.isEmpty()) {
      return new DetectionScore(false, Double.isNaN(alarmS), Double.NaN, alarmS);
    }
    double startS = firstFaultS(truth);
    boolean correct = alarmS > startS;
    return new DetectionScore(true, correct, correct ? alarmS - startS : Double.NaN, alarmS);
  }

  /**
   * Localization against the first fault that hit services; null when no fault did (workload faults
   * have no culprit service).
   */
  public static LocalizationScore localization(
      List<IntervalSample> samples, List<GroundTruth> truth) {
    GroundTruth fault =
        truth.stream()
            .filter(t -> !t.services().isEmpty())
            .min((a, b) -> Double.compare(a.startMs(), b.startMs()))
            .orElse(null);
    if (fault == null || samples.isEmpty()) {
      return null;
    }
    double startS = fault.startMs() / 1000;
    double endS = fault.endMs() / 1000;
    IntervalSample answerAt = samples.get(samples.size() - 1);
    for (IntervalSample s : samples) {
      if (s.endS() >= endS) {
        answerAt = s;
        break;
      }
    }
    List<String> answer = answerAt.topSuspects();
    boolean top1 = !answer.isEmpty() && fault.services().contains(answer.get(0));
    boolean top3 = answer.stream().limit(3).anyMatch(fault.services()::contains);
    double ttl = Double.NaN;
    for (IntervalSample s : samples) {
      if (s.endS() > startS
          && !s.topSuspects().isEmpty()
          && fault.services().contains(s.topSuspects().get(0))) {
        ttl = s.endS() - startS;
        break;
      }
    }
    return new LocalizationScore(fault.services(), answer, top1, top3, ttl);
  }

  /** Mitigation: see {@link MitigationScore}; resources come from the run's summary. */
  public static MitigationScore mitigation(
      List<IntervalSample> samples, List<GroundTruth> truth, RunSummary summary) {
    double violationS = 0;
    for (IntervalSample s : samples) {
      if (s.sloViolated()) {
        violationS += s.lengthS();
      }
    }
    return new MitigationScore(
        violationS,
        timeToMitigateS(samples, firstFaultS(truth)),
        summary.cpuAllocatedCoreSeconds(),
        summary.memoryMiBSeconds(),
        summary.energyJ(),
        summary.carbonG(),
        summary.p99Ms());
  }

  static double timeToMitigateS(List<IntervalSample> samples, double faultStartS) {
    if (Double.isNaN(faultStartS) || samples.isEmpty()) {
      return Double.NaN;
    }
    if (samples.get(samples.size() - 1).sloViolated()) {
      return Double.NaN;
    }
    double lastViolationEndS = faultStartS;
    for (IntervalSample s : samples) {
      if (s.sloViolated() && s.endS() > faultStartS) {
        lastViolationEndS = s.endS();
      }
    }
    return lastViolationEndS - faultStartS;
  }
}
