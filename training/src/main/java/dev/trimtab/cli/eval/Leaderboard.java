package dev.trimtab.cli.eval;

import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.TaskKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcomes of an evaluation with their problems, in plan order, and one {@link Summary} per
 * controller.
 */
public record Leaderboard(EvalPlan plan, List<Row> rows) {

  /** One run: the problem it played and its outcome. */
  public record Row(Problem problem, EvalRun outcome) {
    public TaskKind task() {
      return problem.task();
    }
  }

  public Leaderboard {
    rows = List.copyOf(rows);
  }

  /**
   * Pairs {@code outcomes} (in plan order, as {@link Evaluation#run} returns them) with problems.
   */
  public static Leaderboard of(EvalPlan plan, List<EvalRun> outcomes) {
    List<Row> rows = new ArrayList<>(outcomes.size());
    for (EvalRun o : outcomes) {
      Problem p = plan.suite().problem(o.problem());
      if (p == null) {
        throw new IllegalArgumentException("no problem " + o.problem() + " in the suite");
      }
      rows.add(new Row(p, o));
    }
    return new Leaderboard(plan, rows);
  }

  /** The rows of one controller, in plan order. */
  public List<Row> rowsOf(String controller) {
    return rows.stream().filter(r -> r.outcome().controller().equals(controller)).toList();
  }

  /** The rows of one problem, in plan order. */
  public List<Row> rowsOf(Problem problem) {
    return rows.stream().filter(r -> r.problem() == problem).toList();
  }

  /** One summary per controller, in the plan's controller order. */
  public List<Summary> summaries() {
    return plan.controllers().stream().map(c -> Summary.of(c, rowsOf(c))).toList();
  }
}
