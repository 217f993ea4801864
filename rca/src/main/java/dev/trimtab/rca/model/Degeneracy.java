package dev.trimtab.rca.model;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.Source;
import dev.trimtab.rca.feature.Feature;
import dev.trimtab.rca.feature.WindowFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses models that learned nothing, which a linear SVM produces silently: every weight near zero
 * (the Nezha Train-Ticket collapse: 24 of 28 faults invisible in traces), a feature that is
 * constant over all the training data (it cannot be standardised and means nothing), or culprits
 * ranked no better than chance on the very windows the model was trained on. The message names the
 * sources and fault kinds that lack signal.
 */
public final class Degeneracy {
  /** Weights below this (in standardised units) are nothing. */
  static final double TINY_WEIGHT = 1e-6;

  private Degeneracy() {}

  /**
   * How well a model ranks the culprits of its own training windows, per source and fault kind.
   *
   * @param top3 share of windows with a culprit in the first three
   * @param chanceTop3 the share a random ranking would get
   */
  public record Fit(
      String source, String faultKind, int windows, double top1, double top3, double chanceTop3) {
    /** Whether the model does no better than chance here. */
    public boolean lacksSignal() {
      return top3 <= chanceTop3 + 1e-9;
    }
  }

  /** The model's fit on each source's fault kinds. */
  public static List<Fit> fit(RcaModel m, List<Source> sources) {
    List<Fit> out = new ArrayList<>();
    for (Source s : sources) {
      Map<String, double[]> acc = new TreeMap<>();
      for (LabelledWindow w : s.windows()) {
        if (!w.faulty()) {
          continue;
        }
        Ranking r = m.rank(w.window(), w.reference());
        double[] a = acc.computeIfAbsent(w.faultKind(), k -> new double[4]);
        a[0]++;
        a[1] += hit(r.services(), w, 1);
        a[2] += hit(r.services(), w, 3);
        int n = Math.max(1, r.services().size());
        a[3] += Math.min(1, 3.0 * w.culprits().size() / n);
      }
      acc.forEach(
          (k, a) ->
              out.add(new Fit(s.name(), k, (int) a[0], a[1] / a[0], a[2] / a[0], a[3] / a[0])));
    }
    return out;
  }

  private static int hit(List<String> ranked, LabelledWindow w, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (w.culprits().contains(ranked.get(i))) {
        return 1;
      }
    }
    return 0;
  }

  static void checkFeatures(List<Source> sources, List<Feature> features) {
    // raw values: a feature constant in the data is constant relative to the window too
    int d = features.size();
    double[] first = null;
    boolean[] varies = new boolean[d];
    for (Source s : sources) {
      for (LabelledWindow w : s.windows()) {
        double[][] x = WindowFeatures.of(features, w.window(), w.reference()).x();
        for (double[] row : x) {
          if (first == null) {
            first = row.clone();
          }
          for (int j = 0; j < d; j++) {
            varies[j] |= Double.compare(row[j], first[j]) != 0;
          }
        }
      }
    }
    if (first == null) {
      throw new DegenerateModelException("no service in any training window");
    }
    List<String> constant = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      if (!varies[j]) {
        constant.add(features.get(j).id());
      }
    }
    if (!constant.isEmpty()) {
      throw new DegenerateModelException(
          "feature"
              + (constant.size() > 1 ? "s " : " ")
              + constant
              + (constant.size() > 1 ? " never vary" : " never varies")
              + " in the training data (sources "
              + sources.stream().map(Source::name).toList()
              + (constant.stream().anyMatch(f -> Feature.fromId(f).needsSignals())
                  ? ": none has the metrics or logs they read"
                  : "")
              + "): leave "
              + (constant.size() > 1 ? "them" : "it")
              + " out with --features, or add a source where "
              + (constant.size() > 1 ? "they vary" : "it varies"));
    }
  }

  static void checkModel(RcaModel m, List<Source> sources) {
    boolean flat;
    if (m.kind() == ModelKind.GAUSSIAN_SVM) {
      flat = m.supportVectors().length == 0;
      for (double w : m.weights()) {
        flat &= Math.abs(w) < TINY_WEIGHT;
      }
    } else {
      flat = true;
      for (double w : m.weights()) {
        flat &= Math.abs(w) < TINY_WEIGHT;
      }
    }
    List<Fit> fits = fit(m, sources);
    double windows = 0;
    double top3 = 0;
    double chance = 0;
    for (Fit f : fits) {
      windows += f.windows();
      top3 += f.top3() * f.windows();
      chance += f.chanceTop3() * f.windows();
    }
    boolean noBetterThanChance = windows > 0 && top3 <= chance + 1e-9;
    if (!flat && !noBetterThanChance) {
      return;
    }
    StringBuilder why =
        new StringBuilder(
            "the model learned nothing from " + sources.stream().map(Source::name).toList() + ": ");
    why.append(
        flat
            ? "every weight is below " + TINY_WEIGHT
            : String.format(
                Locale.ROOT,
                "on its own training windows it ranks a culprit in the top 3 in %.2f of them,"
                    + " chance is %.2f",
                top3 / windows,
                chance / windows));
    List<String> lacking = new ArrayList<>();
    for (Fit f : fits) {
      if (f.lacksSignal()) {
        lacking.add(f.faultKind() + " in " + f.source() + " (" + f.windows() + " windows)");
      }
    }
    why.append(
        lacking.isEmpty()
            ? "; no fault kind stands out"
            : "; fault kinds without signal in the features: " + String.join(", ", lacking));
    why.append("; add data where the faults show (metrics, logs, simulation) or other features");
    throw new DegenerateModelException(why.toString());
  }
}
