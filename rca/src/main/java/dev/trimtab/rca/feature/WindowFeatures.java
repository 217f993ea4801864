package dev.trimtab.rca.feature;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The feature vectors of every service of a window, for one set of features.
 *
 * @param services the services, those of the reference first (in its order), then new ones
 * @param x one row per service, one column per feature of {@code features}
 * @param stats the window's statistics (the baselines read them)
 * @param reference the reference window's statistics
 */
public record WindowFeatures(
    List<Feature> features,
    List<String> services,
    double[][] x,
    WindowStats stats,
    WindowStats reference) {

  public WindowFeatures {
    features = List.copyOf(features);
    services = List.copyOf(services);
  }

  /**
   * Features of every service seen in the traces of the window or the reference; when neither has a
   * trace, of every service in their metrics and logs.
   */
  public static WindowFeatures of(List<Feature> features, WindowStats window, WindowStats ref) {
    Set<String> names = new LinkedHashSet<>(ref.services().keySet());
    names.addAll(window.services().keySet());
    if (names.isEmpty() && features.stream().anyMatch(Feature::needsSignals)) {
      names.addAll(ref.signals().services().keySet());
      names.addAll(window.signals().services().keySet());
    }
    List<String> services = new ArrayList<>(names);
    double[][] x = new double[services.size()][features.size()];
    for (int i = 0; i < services.size(); i++) {
      ServiceStats now = window.of(services.get(i));
      ServiceStats before = ref.of(services.get(i));
      for (int j = 0; j < features.size(); j++) {
        x[i][j] = features.get(j).value(services.get(i), now, window, before, ref);
      }
    }
    return new WindowFeatures(features, services, x, window, ref);
  }

  /**
   * Each feature relative to the window's other services: the service's value minus the median of
   * the window, over the median absolute deviation (plus a floor): how far it stands out in this
   * window, whatever the application's scale. Robust statistics, so that the culprit itself does
   * not set the scale it is measured with.
   */
  public WindowFeatures relative() {
    int n = services.size();
    int d = features.size();
    double[][] out = new double[n][d];
    double[] col = new double[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        col[i] = x[i][j];
      }
      double median = median(col.clone());
      double[] dev = new double[n];
      for (int i = 0; i < n; i++) {
        dev[i] = Math.abs(col[i] - median);
      }
      double mad = median(dev);
      double scale = Math.max(mad + 0.1 * meanAbs(dev), features.get(j).relativeFloor());
      for (int i = 0; i < n; i++) {
        out[i][j] = (col[i] - median) / scale;
      }
    }
    return new WindowFeatures(features, services, out, stats, reference);
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    java.util.Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  private static double meanAbs(double[] v) {
    double s = 0;
    for (double x : v) {
      s += Math.abs(x);
    }
    return v.length == 0 ? 0 : s / v.length;
  }
}
