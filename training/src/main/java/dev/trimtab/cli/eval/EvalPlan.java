package dev.trimtab.cli.eval;

import dev.trimtab.faults.problem.Suite;
import java.util.List;
import java.util.Objects;

/**
 * What {@code eval} runs: each problem of {@code suite} with each controller and each seed.
 *
 * @param threads how many runs go at once (1 or more); results do not depend on it
 * @param localizer the localization contestant, a fresh one per run
 */
public record EvalPlan(
    Suite suite,
    List<String> controllers,
    List<Long> seeds,
    int threads,
    LocalizerChoice localizer) {

  /** A plan with the metrics-only latency localizer. */
  public EvalPlan(Suite suite, List<String> controllers, List<Long> seeds, int threads) {
    this(suite, controllers, seeds, threads, LocalizerChoice.latency());
  }

  public EvalPlan {
    controllers = List.copyOf(controllers);
    seeds = List.copyOf(seeds);
    if (controllers.isEmpty() || seeds.isEmpty()) {
      throw new IllegalArgumentException("need at least one controller and one seed");
    }
    if (controllers.stream().distinct().count() != controllers.size()) {
      throw new IllegalArgumentException("a controller is named twice: " + controllers);
    }
    if (seeds.stream().distinct().count() != seeds.size()) {
      throw new IllegalArgumentException("a seed is given twice: " + seeds);
    }
    Objects.requireNonNull(localizer, "localizer");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** Number of runs: problems × controllers × seeds. */
  public int runs() {
    return suite.problems().size() * controllers.size() * seeds.size();
  }
}
