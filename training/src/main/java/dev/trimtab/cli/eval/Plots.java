package dev.trimtab.cli.eval;

import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.score.IntervalSample;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG figures, drawn with XChart. */
final class Plots {
  static final Color[] PALETTE = {
    new Color(31, 119, 180),
    new Color(255, 127, 14),
    new Color(44, 160, 44),
    new Color(148, 103, 189),
    new Color(140, 86, 75),
    new Color(227, 119, 194),
    new Color(127, 127, 127),
  };
  private static final Color FAULT = new Color(214, 39, 40, 45);
  private static final int WIDTH = 1000;
  private static final int PANEL_HEIGHT = 250;

  private Plots() {}

  /**
   * One problem, one seed, the controllers overlaid: end-to-end p99 (clamped at twice the loosest
   * SLO, so a timeout does not flatten the rest), CPU cores allocated and replicas over time, the
   * fault windows shaded.
   */
  static void problem(Problem p, List<EvalRun> outcomes, Path png) throws IOException {
    double loosestSloMs =
        p.topology().endpoints().stream().mapToDouble(e -> e.slo().latencyMs()).max().orElse(1);
    double capMs = 2 * loosestSloMs;
    List<GroundTruth> truth = outcomes.get(0).truth();
    List<Chart<?, ?>> panels = new ArrayList<>();
    panels.add(
        xy(
            p.name() + ": p99 latency (ms, clamped at " + (long) capMs + ")",
            "ms",
            outcomes,
            s -> Math.min(s.p99Ms(), capMs),
            truth));
    panels.add(
        xy("CPU cores allocated", "cores", outcomes, IntervalSample::cpuCoresAllocated, truth));
    panels.add(xy("replicas", "replicas", outcomes, s -> s.replicas(), truth));
    stack(panels, WIDTH, PANEL_HEIGHT, 1, png);
  }

  private static XYChart xy(
      String title,
      String yTitle,
      List<EvalRun> outcomes,
      ToDoubleFunction<IntervalSample> y,
      List<GroundTruth> truth) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(PANEL_HEIGHT)
            .title(title)
            .xAxisTitle("simulated s")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setYAxisDecimalPattern("#,##0.#");
    double max = 0;
    for (EvalRun o : outcomes) {
      for (IntervalSample s : o.samples()) {
        max = Math.max(max, y.applyAsDouble(s));
      }
    }
    double top = max > 0 ? max * 1.05 : 1;
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(top);
    if (!truth.isEmpty()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (double[] w : windows(truth)) {
        xs.addAll(List.of(w[0], w[0], w[1], w[1]));
        ys.addAll(List.of(0.0, top, top, 0.0));
      }
      XYSeries fault = chart.addSeries("fault", xs, ys);
      fault.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
      fault.setFillColor(FAULT);
      fault.setLineColor(FAULT);
      fault.setMarker(SeriesMarkers.NONE);
    }
    for (int i = 0; i < outcomes.size(); i++) {
      EvalRun o = outcomes.get(i);
      double[] xs = o.samples().stream().mapToDouble(IntervalSample::endS).toArray();
      double[] ys = o.samples().stream().mapToDouble(y).toArray();
      XYSeries s = chart.addSeries(o.controller(), xs, ys);
      s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      s.setLineColor(PALETTE[i % PALETTE.length]);
      s.setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /** Fault windows in seconds, overlapping ones merged, in time order (area series need it). */
  static List<double[]> windows(List<GroundTruth> truth) {
    List<double[]> sorted = new ArrayList<>();
    for (GroundTruth t : truth) {
      sorted.add(new double[] {t.startMs() / 1000, t.endMs() / 1000});
    }
    sorted.sort((a, b) -> Double.compare(a[0], b[0]));
    List<double[]> merged = new ArrayList<>();
    for (double[] w : sorted) {
      double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && w[0] <= last[1]) {
        last[1] = Math.max(last[1], w[1]);
      } else {
        merged.add(w.clone());
      }
    }
    return merged;
  }

  /** The controllers side by side: accuracy, SLO violation, CPU and energy over the suite. */
  static void summary(List<Summary> summaries, Path png) throws IOException {
    List<String> controllers = summaries.stream().map(Summary::controller).toList();
    List<Chart<?, ?>> panels = new ArrayList<>();
    CategoryChart accuracy = bars("accuracy (%): detection, localization top-1 and top-3");
    List<String> tasks = List.of("detection", "top-1", "top-3");
    for (int i = 0; i < summaries.size(); i++) {
      Summary s = summaries.get(i);
      accuracy
          .addSeries(
              s.controller(),
              tasks,
              List.of(pct(s.detectionAccuracy()), pct(s.top1Accuracy()), pct(s.top3Accuracy())))
          .setFillColor(PALETTE[i % PALETTE.length]);
    }
    panels.add(accuracy);
    panels.add(
        oneBar(
            "mean SLO violation s (mitigation)",
            controllers,
            summaries,
            Summary::meanSloViolationS));
    panels.add(
        oneBar("mean time to mitigate s", controllers, summaries, Summary::meanTimeToMitigateS));
    panels.add(oneBar("mean CPU core-s allocated", controllers, summaries, Summary::meanCpuCoreS));
    panels.add(oneBar("mean memory MiB-s", controllers, summaries, Summary::meanMemoryMiBS));
    panels.add(oneBar("mean energy J", controllers, summaries, Summary::meanEnergyJ));
    stack(panels, 500, 300, 2, png);
  }

  private static CategoryChart bars(String title) {
    CategoryChart chart = new CategoryChartBuilder().width(500).height(300).title(title).build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("#,##0.#");
    return chart;
  }

  private static CategoryChart oneBar(
      String title,
      List<String> controllers,
      List<Summary> summaries,
      ToDoubleFunction<Summary> f) {
    CategoryChart chart = bars(title);
    chart.getStyler().setLegendVisible(false);
    List<Double> values =
        summaries.stream().map(s -> f.applyAsDouble(s)).map(v -> v.isNaN() ? 0.0 : v).toList();
    chart.addSeries("mean", controllers, values).setFillColor(PALETTE[0]);
    return chart;
  }

  private static double pct(double share) {
    return Double.isNaN(share) ? 0 : 100 * share;
  }

  private static void stack(List<Chart<?, ?>> panels, int w, int h, int columns, Path png)
      throws IOException {
    int rows = (panels.size() + columns - 1) / columns;
    BufferedImage image = new BufferedImage(w * columns, h * rows, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int i = 0; i < panels.size(); i++) {
      BufferedImage panel = BitmapEncoder.getBufferedImage(panels.get(i));
      g.drawImage(panel, (i % columns) * w, (i / columns) * h, null);
    }
    g.dispose();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    AtomicFile.write(png, bytes.toByteArray());
  }

  /** An endpoint's SLO as the report prints it. */
  static String sloText(EndpointSpec e) {
    return e.name() + " p" + e.slo().percentile() + " < " + e.slo().latencyMs() + " ms";
  }
}
