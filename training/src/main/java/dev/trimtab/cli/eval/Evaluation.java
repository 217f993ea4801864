package dev.trimtab.cli.eval;

import dev.trimtab.env.concurrent.InOrder;
import dev.trimtab.env.control.Controller;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.score.Detector;
import dev.trimtab.faults.score.Localizer;
import dev.trimtab.faults.score.ProblemOutcome;
import dev.trimtab.faults.score.ProblemRunner;
import dev.trimtab.faults.score.SloDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs an {@link EvalPlan} on a pool of threads. Each run is independent (its own simulation,
 * controller, detector and localizer, all randomness from its seed), and results are gathered in
 * plan order (problem, then controller, then seed), so the outcome list is the same for any number
 * of threads.
 */
public final class Evaluation {
  /** The built-in detection contestant's name, written to the leaderboard. */
  public static final String DETECTOR = new SloDetector().name();

  private Evaluation() {}

  /**
   * Where a run is played: the simulator ({@link ProblemRunner#run}, the default) or the live
   * testbed ({@code LiveProblemRunner#run}). Both take the same problem, controller, seed and
   * contestants and give the same kind of outcome, so everything after a run is shared.
   */
  @FunctionalInterface
  public interface Backend {
    ProblemOutcome run(
        Problem problem, Controller controller, long seed, Detector detector, Localizer localizer);
  }

  /** The simulator. */
  public static final Backend SIMULATED = ProblemRunner::run;

  /**
   * Runs every problem × controller × seed in the simulator; {@code onRunDone} is called (from
   * worker threads) as each run ends. The first failing run stops the rest and is rethrown, naming
   * the run.
   */
  public static List<EvalRun> run(
      EvalPlan plan, ControllerRegistry controllers, Runnable onRunDone) {
    return run(plan, controllers, SIMULATED, Map.of(), run -> onRunDone.run());
  }

  /**
   * Runs the problem × controller × seed combinations of {@code plan} that {@code done} does not
   * hold, on {@code backend} (a live backend needs {@code plan.threads() == 1}), and returns every
   * run in plan order (problem, then controller, then seed), those of {@code done} included. {@code
   * onNewRun} is called from a worker thread as each new run ends, before the next starts on that
   * thread: the place to save it. The first failing run stops the rest and is rethrown, naming the
   * run.
   */
  public static List<EvalRun> run(
      EvalPlan plan,
      ControllerRegistry controllers,
      Backend backend,
      Map<EvalRun.Key, EvalRun> done,
      Consumer<EvalRun> onNewRun) {
    for (String name : plan.controllers()) {
      controllers.create(name);
    }
    List<Callable<EvalRun>> tasks = new ArrayList<>(plan.runs());
    for (Problem problem : plan.suite().problems()) {
      for (String controller : plan.controllers()) {
        for (long seed : plan.seeds()) {
          EvalRun saved = done.get(new EvalRun.Key(problem.name(), controller, seed));
          if (saved != null) {
            tasks.add(() -> saved);
            continue;
          }
          tasks.add(
              () -> {
                EvalRun run =
                    EvalRun.of(runOne(plan, problem, controllers, backend, controller, seed));
                onNewRun.accept(run);
                return run;
              });
        }
      }
    }
    return InOrder.run(tasks, plan.threads(), "trimtab-eval");
  }

  private static ProblemOutcome runOne(
      EvalPlan plan,
      Problem problem,
      ControllerRegistry controllers,
      Backend backend,
      String controller,
      long seed) {
    try {
      return backend.run(
          problem,
          controllers.create(controller),
          seed,
          new SloDetector(),
          plan.localizer().factory().get());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "run of problem "
              + problem.name()
              + " with controller "
              + controller
              + ", seed "
              + seed
              + " failed: "
              + e,
          e);
    }
  }
}
