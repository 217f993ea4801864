package dev.trimtab.rca.eval;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.model.Ranking;
import dev.trimtab.rca.model.RcaModel;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a model on labelled windows, with both baselines on the same windows.
 *
 * @param all every window
 * @param byTopology per application
 * @param byFaultType per fault kind ({@code none} for fault-free windows)
 * @param byTopologyAndFault per application, then per fault kind
 * @param msPerWindow mean wall time to compute features and rank one window from its statistics (a
 *     measurement, not a result: reports that must be reproducible leave it out)
 */
public record Evaluation(
    GroupScore all,
    Map<String, GroupScore> byTopology,
    Map<String, GroupScore> byFaultType,
    Map<String, Map<String, GroupScore>> byTopologyAndFault,
    double msPerWindow) {

  public static Evaluation of(RcaModel model, List<LabelledWindow> windows) {
    return of(List.of(model), List.of(windows));
  }

  /** Scores each group of windows with its own model (cross-validation), all together. */
  public static Evaluation of(List<RcaModel> models, List<List<LabelledWindow>> groups) {
    Tally all = new Tally();
    Map<String, Tally> topo = new TreeMap<>();
    Map<String, Tally> kind = new TreeMap<>();
    Map<String, Map<String, Tally>> both = new TreeMap<>();
    long nanos = 0;
    int count = 0;
    for (int g = 0; g < models.size(); g++) {
      RcaModel model = models.get(g);
      for (LabelledWindow w : groups.get(g)) {
        count++;
        long t0 = System.nanoTime();
        Ranking r = model.rank(w.window(), w.reference());
        nanos += System.nanoTime() - t0;
        List<List<String>> baselines =
            List.of(
                Baselines.highestP99(w.window(), w.reference()),
                Baselines.largestRise(w.window(), w.reference()));
        all.add(w.culprits(), r.services(), r.critical(), baselines);
        topo.computeIfAbsent(w.topology(), k -> new Tally())
            .add(w.culprits(), r.services(), r.critical(), baselines);
        kind.computeIfAbsent(w.faultKind(), k -> new Tally())
            .add(w.culprits(), r.services(), r.critical(), baselines);
        both.computeIfAbsent(w.topology(), k -> new TreeMap<>())
            .computeIfAbsent(w.faultKind(), k -> new Tally())
            .add(w.culprits(), r.services(), r.critical(), baselines);
      }
    }
    Map<String, GroupScore> t = new TreeMap<>();
    topo.forEach((k, v) -> t.put(k, v.score()));
    Map<String, GroupScore> f = new TreeMap<>();
    kind.forEach((k, v) -> f.put(k, v.score()));
    Map<String, Map<String, GroupScore>> b = new TreeMap<>();
    both.forEach(
        (app, kinds) -> {
          Map<String, GroupScore> m = new TreeMap<>();
          kinds.forEach((k, v) -> m.put(k, v.score()));
          b.put(app, m);
        });
    return new Evaluation(all.score(), t, f, b, count == 0 ? 0 : nanos / 1e6 / count);
  }
}
