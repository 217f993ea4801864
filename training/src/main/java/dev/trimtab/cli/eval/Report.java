package dev.trimtab.cli.eval;

import dev.trimtab.cli.output.Numbers;
import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline style, no scripts) with the summary table
 * and the controllers side by side, then for each problem what it injects, its plot (latency and
 * allocation over time around the faults, the controllers overlaid, for the first seed) and its
 * scores. The PNGs live in {@code plots/} next to it.
 */
public final class Report {
  public static final String FILE = "report.html";
  public static final String PLOTS = "plots";

  private static final String STYLE =
      "body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
          + "table{border-collapse:collapse;margin:1em 0;font-size:90%}"
          + "th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}"
          + "th:first-child,td:first-child{text-align:left}"
          + "img{max-width:100%;border:1px solid #eee}"
          + "code{background:#f4f4f4;padding:0 3px}.meta{color:#666}";

  private Report() {}

  /** Writes the plots and the page into {@code dir}; {@code version} names the code. */
  public static void write(Leaderboard board, Path dir, String version) throws IOException {
    Path plots = Files.createDirectories(dir.resolve(PLOTS));
    EvalPlan plan = board.plan();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Trimtab eval: ")
        .append(Html.escape(plan.suite().name()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>Trimtab eval: ").append(Html.escape(plan.suite().name())).append("</h1>\n");
    html.append("<p class=\"meta\">")
        .append(plan.suite().problems().size())
        .append(" problems × controllers ")
        .append(Html.escape(String.join(", ", plan.controllers())))
        .append(" × seeds ")
        .append(Html.escape(String.join(", ", plan.seeds().stream().map(String::valueOf).toList())))
        .append(". Detector <code>")
        .append(Evaluation.DETECTOR)
        .append("</code>, localizer <code>")
        .append(Html.escape(plan.localizer().name()))
        .append("</code>. Trimtab ")
        .append(Html.escape(version))
        .append(". Scores: docs/eval.md.</p>\n");
    html.append("<h2>Summary</h2>\n");
    html.append(LeaderboardMarkdown.summary(board.summaries()).html());
    Plots.summary(board.summaries(), plots.resolve("summary.png"));
    html.append("<img src=\"plots/summary.png\" alt=\"controllers side by side\">\n");
    for (Problem p : plan.suite().problems()) {
      problem(html, board, p, plots);
    }
    html.append("</body>\n</html>\n");
    AtomicFile.write(dir.resolve(FILE), html.toString());
  }

  private static void problem(StringBuilder html, Leaderboard board, Problem p, Path plots)
      throws IOException {
    long seed = board.plan().seeds().get(0);
    List<EvalRun> firstSeed =
        board.rowsOf(p).stream()
            .map(Leaderboard.Row::outcome)
            .filter(o -> o.seed() == seed)
            .toList();
    String png = p.name() + ".png";
    Plots.problem(p, firstSeed, plots.resolve(png));
    html.append("<h2 id=\"")
        .append(p.name())
        .append("\">")
        .append(Html.escape(p.name()))
        .append(" <small class=\"meta\">(")
        .append(p.task().yamlName())
        .append(")</small></h2>\n<p>")
        .append(Html.escape(p.description()))
        .append("<br><span class=\"meta\">topology <code>")
        .append(Html.escape(p.topologyRef()))
        .append("</code>, workload <code>")
        .append(Html.escape(p.workloadRef()))
        .append("</code>, ")
        .append(Numbers.compact(p.durationS()))
        .append(" s, interval ")
        .append(Numbers.compact(p.intervalS()))
        .append(" s</span></p>\n");
    html.append("<p>Faults (seed ").append(seed).append("):</p>\n<ul>\n");
    List<GroundTruth> truth = firstSeed.get(0).truth();
    if (truth.isEmpty()) {
      html.append("<li>none</li>\n");
    }
    for (GroundTruth t : truth) {
      html.append("<li><code>")
          .append(t.kind().yamlName())
          .append("</code> on ")
          .append(
              Html.escape(
                  t.services().isEmpty() ? "the workload" : String.join(", ", t.services())))
          .append(", ")
          .append(Numbers.compact(t.startMs() / 1000))
          .append("–")
          .append(Numbers.compact(t.endMs() / 1000))
          .append(" s</li>\n");
    }
    html.append("</ul>\n");
    html.append("<img src=\"plots/")
        .append(png)
        .append("\" alt=\"")
        .append(p.name())
        .append(": latency and allocation over time\">\n");
    html.append(LeaderboardMarkdown.problemTable(board, p).html());
  }
}
