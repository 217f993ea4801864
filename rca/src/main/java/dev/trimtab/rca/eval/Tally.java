package dev.trimtab.rca.eval;

import java.util.List;
import java.util.Set;

/** Running counts for one group of windows (all, one application, one fault kind). */
final class Tally {
  int windows;
  int faulty;
  int top1;
  int top3;
  int top5;
  long truePositives;
  long falsePositives;
  long falseNegatives;
  final int[] baselineTop1 = new int[2];
  final int[] baselineTop3 = new int[2];
  final int[] baselineTop5 = new int[2];

  void add(
      Set<String> culprits,
      List<String> ranked,
      Set<String> flagged,
      List<List<String>> baselines) {
    windows++;
    for (String s : flagged) {
      if (culprits.contains(s)) {
        truePositives++;
      } else {
        falsePositives++;
      }
    }
    for (String c : culprits) {
      if (!flagged.contains(c)) {
        falseNegatives++;
      }
    }
    if (culprits.isEmpty()) {
      return;
    }
    faulty++;
    top1 += hit(ranked, culprits, 1);
    top3 += hit(ranked, culprits, 3);
    top5 += hit(ranked, culprits, 5);
    for (int b = 0; b < baselines.size(); b++) {
      baselineTop1[b] += hit(baselines.get(b), culprits, 1);
      baselineTop3[b] += hit(baselines.get(b), culprits, 3);
      baselineTop5[b] += hit(baselines.get(b), culprits, 5);
    }
  }

  static int hit(List<String> ranked, Set<String> culprits, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (culprits.contains(ranked.get(i))) {
        return 1;
      }
    }
    return 0;
  }

  GroupScore score() {
    return new GroupScore(
        windows,
        faulty,
        ratio(top1, faulty),
        ratio(top3, faulty),
        ratio(top5, faulty),
        ratio(truePositives, truePositives + falsePositives),
        ratio(truePositives, truePositives + falseNegatives),
        ratio(baselineTop1[0], faulty),
        ratio(baselineTop3[0], faulty),
        ratio(baselineTop1[1], faulty),
        ratio(baselineTop3[1], faulty),
        ratio(baselineTop5[0], faulty),
        ratio(baselineTop5[1], faulty));
  }

  private static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }
}
