package dev.trimtab.rca.model;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.data.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many times each window's rows are taken so that every source weighs the same, and within a
 * source every fault kind: a window of fault kind k in source s weighs {@code 1 / (S * K_s *
 * n_sk)}, scaled so that the heaviest group's windows are taken once (at most {@link #MAX_COPIES}
 * times). Fault-free windows are taken once. Without balance, every window once.
 */
final class Balance {
  /** The most copies of one window: a handful of real faults must not be repeated without end. */
  static final int MAX_COPIES = 500;

  private Balance() {}

  static int[][] copies(List<Source> sources, boolean balance) {
    int[][] out = new int[sources.size()][];
    List<Map<String, Integer>> counts = new java.util.ArrayList<>();
    double minWeight = Double.MAX_VALUE;
    for (Source s : sources) {
      Map<String, Integer> n = new LinkedHashMap<>();
      for (LabelledWindow w : s.windows()) {
        if (w.faulty()) {
          n.merge(w.faultKind(), 1, Integer::sum);
        }
      }
      counts.add(n);
      for (int c : n.values()) {
        minWeight = Math.min(minWeight, weight(sources.size(), n.size(), c));
      }
    }
    for (int s = 0; s < sources.size(); s++) {
      List<LabelledWindow> ws = sources.get(s).windows();
      out[s] = new int[ws.size()];
      for (int i = 0; i < ws.size(); i++) {
        LabelledWindow w = ws.get(i);
        if (!balance || !w.faulty()) {
          out[s][i] = 1;
        } else {
          Map<String, Integer> n = counts.get(s);
          double r = weight(sources.size(), n.size(), n.get(w.faultKind())) / minWeight;
          out[s][i] = (int) Math.max(1, Math.min(MAX_COPIES, Math.round(r)));
        }
      }
    }
    return out;
  }

  private static double weight(int sources, int kinds, int windows) {
    return 1.0 / ((double) sources * kinds * windows);
  }
}
