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

  /** Features of every service seen in the window or the reference. */
  public static WindowFeatures of(List<Feature> features, WindowStats window, WindowStats ref) {
    Set<String> names = new LinkedHashSet<>(ref.services().keySet());
    names.addAll(window.services().keySet());
    List<String> services = new ArrayList<>(names);
    double[][] x = new double[services.size()][features.size()];
    for (int i = 0; i < services.size(); i++) {
      ServiceStats now = window.of(services.get(i));
      ServiceStats before = ref.of(services.get(i));
      for (int j = 0; j < features.size(); j++) {
        x[i][j] = features.get(j).value(now, window, before, ref);
      }
    }
    return new WindowFeatures(features, services, x, window, ref);
  }
}
