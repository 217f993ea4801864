package dev.trimtab.rca.eval;

import dev.trimtab.rca.feature.ServiceStats;
import dev.trimtab.rca.feature.WindowStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The two rankings the SVM must beat. Ties keep the window's service order. */
public final class Baselines {
  public static final String HIGHEST_P99 = "highest_p99";
  public static final String LARGEST_RISE = "largest_rise";

  private Baselines() {}

  /** Services by the p99 of their spans' durations in the window, highest first. */
  public static List<String> highestP99(WindowStats window, WindowStats reference) {
    return rank(window, reference, s -> window.of(s).p99SpanMs());
  }

  /**
   * Services by how much their mean span duration rose against the fault-free reference, as a ratio
   * ({@code (now + 0.1 ms) / (reference + 0.1 ms)}), highest first.
   */
  public static List<String> largestRise(WindowStats window, WindowStats reference) {
    return rank(
        window,
        reference,
        s -> {
          ServiceStats now = window.of(s);
          ServiceStats ref = reference.of(s);
          return (now.meanSpanMs() + 0.1) / (ref.meanSpanMs() + 0.1);
        });
  }

  private static List<String> rank(
      WindowStats window, WindowStats reference, ToDoubleFunction<String> key) {
    Set<String> names = new LinkedHashSet<>(reference.services().keySet());
    names.addAll(window.services().keySet());
    List<String> out = new ArrayList<>(names);
    out.sort(Comparator.comparingDouble((String s) -> -key.applyAsDouble(s)));
    return out;
  }
}
