package dev.trimtab.cli.eval;

import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.score.DetectionScore;
import dev.trimtab.faults.score.IntervalSample;
import dev.trimtab.faults.score.LocalizationScore;
import dev.trimtab.faults.score.MitigationScore;
import dev.trimtab.faults.score.ProblemOutcome;
import java.util.List;
import java.util.Objects;

/**
 * What an evaluation keeps of one run (problem × controller × seed): everything the leaderboard,
 * the report and its plots are made from, and nothing else, so that a run saved to its file and
 * read back gives the same bytes as the run itself ({@link EvalRunJson}).
 *
 * @param localization null when no fault hit a service
 */
public record EvalRun(
    String problem,
    String controller,
    long seed,
    List<IntervalSample> samples,
    List<GroundTruth> truth,
    DetectionScore detection,
    LocalizationScore localization,
    MitigationScore mitigation) {

  /** Which run of a plan: its problem, controller and seed. */
  public record Key(String problem, String controller, long seed) {
    public Key {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(controller, "controller");
    }

    @Override
    public String toString() {
      return problem + " with " + controller + ", seed " + seed;
    }
  }

  public EvalRun {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(controller, "controller");
    samples = List.copyOf(samples);
    truth = List.copyOf(truth);
    Objects.requireNonNull(detection, "detection");
    Objects.requireNonNull(mitigation, "mitigation");
  }

  /** The parts of {@code o} an evaluation keeps. */
  public static EvalRun of(ProblemOutcome o) {
    return new EvalRun(
        o.problem(),
        o.controller(),
        o.seed(),
        o.samples(),
        o.truth(),
        o.detection(),
        o.localization(),
        o.mitigation());
  }

  public Key key() {
    return new Key(problem, controller, seed);
  }
}
