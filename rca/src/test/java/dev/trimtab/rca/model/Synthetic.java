package dev.trimtab.rca.model;

import dev.trimtab.rca.data.LabelledWindow;
import dev.trimtab.rca.feature.ServiceStats;
import dev.trimtab.rca.feature.WindowStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Windows of six services whose statistics are drawn directly: the culprit's self time is 3 to 6
 * times its reference, the others' within 30% of theirs. Tiny and fast, for training tests.
 */
final class Synthetic {
  private Synthetic() {}

  static List<LabelledWindow> windows(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<LabelledWindow> out = new ArrayList<>();
    Map<String, ServiceStats> ref = new LinkedHashMap<>();
    for (int s = 0; s < 6; s++) {
      ref.put("s" + s, stats(100, 5 + s, 1, 0.1));
    }
    WindowStats reference = new WindowStats(100, 50, ref);
    for (int w = 0; w < n; w++) {
      String culprit = "s" + rng.nextInt(6);
      Map<String, ServiceStats> now = new LinkedHashMap<>();
      for (int s = 0; s < 6; s++) {
        double self = (5 + s) * (0.7 + 0.6 * rng.nextDouble());
        if (culprit.equals("s" + s)) {
          self = (5 + s) * (3 + 3 * rng.nextDouble());
        }
        now.put("s" + s, stats(100, self, 1, self / 60));
      }
      out.add(
          new LabelledWindow(
              "syn/" + w,
              "syn",
              "cpu-contention",
              0,
              5,
              Set.of(culprit),
              new WindowStats(100, 60, now),
              reference));
    }
    return out;
  }

  static ServiceStats stats(int traces, double selfMs, double inboundMs, double share) {
    return new ServiceStats(
        traces, traces, selfMs, inboundMs, 0.3, 2, share, 0, selfMs, 3 * selfMs);
  }
}
