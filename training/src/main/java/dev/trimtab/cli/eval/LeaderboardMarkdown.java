package dev.trimtab.cli.eval;

import dev.trimtab.cli.output.Numbers;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.TaskKind;
import dev.trimtab.faults.score.DetectionScore;
import dev.trimtab.faults.score.LocalizationScore;
import dev.trimtab.faults.score.MitigationScore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code leaderboard.md}: the summary per controller, then one table per task with a line per
 * problem × controller, its scores over the seeds (counts as k/n, other figures as means).
 */
public final class LeaderboardMarkdown {
  public static final String FILE = "leaderboard.md";

  private LeaderboardMarkdown() {}

  public static String render(Leaderboard board) {
    EvalPlan plan = board.plan();
    StringBuilder md = new StringBuilder();
    md.append("# Leaderboard: ").append(plan.suite().name()).append("\n\n");
    md.append(plan.suite().problems().size())
        .append(" problems × ")
        .append(plan.controllers().size())
        .append(" controllers × ")
        .append(plan.seeds().size())
        .append(" seeds (")
        .append(String.join(", ", plan.seeds().stream().map(String::valueOf).toList()))
        .append("). Detector: `")
        .append(Evaluation.DETECTOR)
        .append("`, localizer: `")
        .append(plan.localizer().name())
        .append("`. Scores are defined in docs/eval.md; `-` means none (nothing detected,")
        .append(" localized or mitigated).\n\n");
    md.append("## Summary\n\n");
    md.append(summaryTable(board.summaries()));
    for (TaskKind task : TaskKind.values()) {
      md.append("\n## ").append(capitalised(task.yamlName())).append(" problems\n\n");
      md.append(taskTable(board, task));
    }
    return md.toString();
  }

  /** The summary as a Markdown table, one line per controller. */
  public static String summaryTable(List<Summary> summaries) {
    return summary(summaries).render();
  }

  static Table summary(List<Summary> summaries) {
    Table t =
        new Table(
            "controller",
            "detection acc.",
            "TTD s",
            "top-1",
            "top-3",
            "TTL s",
            "SLO viol. s",
            "TTM s",
            "unmitigated",
            "CPU core-s",
            "memory MiB-s",
            "energy J",
            "carbon g");
    for (Summary s : summaries) {
      t.row(
          s.controller(),
          pct(s.detectionAccuracy()),
          num(s.meanTimeToDetectS(), 1),
          pct(s.top1Accuracy()),
          pct(s.top3Accuracy()),
          num(s.meanTimeToLocalizeS(), 1),
          num(s.meanSloViolationS(), 1),
          num(s.meanTimeToMitigateS(), 1),
          s.unmitigated() + "/" + s.mitigationRuns(),
          num(s.meanCpuCoreS(), 1),
          num(s.meanMemoryMiBS(), 0),
          num(s.meanEnergyJ(), 0),
          num(s.meanCarbonG(), 3));
    }
    return t;
  }

  private static String taskTable(Leaderboard board, TaskKind task) {
    Table t = emptyTaskTable(task);
    for (Problem p : board.plan().suite().problems()) {
      if (p.task() == task) {
        addProblem(t, board, p);
      }
    }
    return t.render();
  }

  /** The lines of one problem, one per controller, as its task's table shows them. */
  static Table problemTable(Leaderboard board, Problem p) {
    Table t = emptyTaskTable(p.task());
    addProblem(t, board, p);
    return t;
  }

  private static void addProblem(Table t, Leaderboard board, Problem p) {
    for (String c : board.plan().controllers()) {
      List<Leaderboard.Row> rows =
          board.rowsOf(p).stream().filter(r -> r.outcome().controller().equals(c)).toList();
      t.row(cells(p.task(), p.name(), c, rows));
    }
  }

  private static Table emptyTaskTable(TaskKind task) {
    return switch (task) {
      case DETECTION -> new Table("problem", "controller", "correct", "TTD s");
      case LOCALIZATION -> new Table("problem", "controller", "top-1", "top-3", "TTL s");
      case MITIGATION ->
          new Table(
              "problem",
              "controller",
              "SLO viol. s",
              "TTM s",
              "mitigated",
              "CPU core-s",
              "memory MiB-s",
              "energy J",
              "carbon g");
    };
  }

  private static String[] cells(
      TaskKind task, String problem, String c, List<Leaderboard.Row> rows) {
    List<String> cells = new ArrayList<>(List.of(problem, c));
    switch (task) {
      case DETECTION -> {
        List<DetectionScore> d = map(rows, r -> r.outcome().detection());
        cells.add(count(d, DetectionScore::correct));
        cells.add(num(Summary.mean(d, DetectionScore::timeToDetectS), 1));
      }
      case LOCALIZATION -> {
        List<LocalizationScore> l = map(rows, r -> r.outcome().localization());
        cells.add(count(l, LocalizationScore::top1));
        cells.add(count(l, LocalizationScore::top3));
        cells.add(num(Summary.mean(l, LocalizationScore::timeToLocalizeS), 1));
      }
      case MITIGATION -> {
        List<MitigationScore> m = map(rows, r -> r.outcome().mitigation());
        cells.add(num(Summary.mean(m, MitigationScore::sloViolationS), 1));
        cells.add(num(Summary.mean(m, MitigationScore::timeToMitigateS), 1));
        cells.add(count(m, MitigationScore::mitigated));
        cells.add(num(Summary.mean(m, MitigationScore::cpuCoreS), 1));
        cells.add(num(Summary.mean(m, MitigationScore::memoryMiBS), 0));
        cells.add(num(Summary.mean(m, MitigationScore::energyJ), 0));
        cells.add(num(Summary.mean(m, MitigationScore::carbonG), 3));
      }
    }
    return cells.toArray(String[]::new);
  }

  private static <T> List<T> map(List<Leaderboard.Row> rows, Function<Leaderboard.Row, T> f) {
    return rows.stream().map(f).toList();
  }

  private static <T> String count(List<T> items, java.util.function.Predicate<T> test) {
    return items.stream().filter(test).count() + "/" + items.size();
  }

  static String num(double v, int decimals) {
    return Double.isNaN(v) ? "-" : Numbers.fixed(v, decimals);
  }

  static String pct(double share) {
    return Double.isNaN(share) ? "-" : Numbers.fixed(100 * share, 1) + "%";
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A Markdown pipe table: first column left-aligned, the others right-aligned. */
  static final class Table {
    private final List<String[]> lines = new ArrayList<>();

    Table(String... header) {
      lines.add(header);
    }

    void row(String... cells) {
      if (cells.length != lines.get(0).length) {
        throw new IllegalArgumentException("row width differs from the header's");
      }
      lines.add(cells);
    }

    /** The same table as HTML, cells escaped. */
    String html() {
      StringBuilder out = new StringBuilder("<table>\n<tr>");
      for (String h : lines.get(0)) {
        out.append("<th>").append(Html.escape(h)).append("</th>");
      }
      out.append("</tr>\n");
      for (String[] line : lines.subList(1, lines.size())) {
        out.append("<tr>");
        for (String cell : line) {
          out.append("<td>").append(Html.escape(cell)).append("</td>");
        }
        out.append("</tr>\n");
      }
      return out.append("</table>\n").toString();
    }

    String render() {
      StringBuilder out = new StringBuilder();
      String[] header = lines.get(0);
      out.append("| ").append(String.join(" | ", header)).append(" |\n|");
      for (int c = 0; c < header.length; c++) {
        out.append(c == 0 ? "---|" : "---:|");
      }
      out.append('\n');
      for (String[] line : lines.subList(1, lines.size())) {
        out.append("| ").append(String.join(" | ", line)).append(" |\n");
      }
      return out.toString();
    }
  }
}
