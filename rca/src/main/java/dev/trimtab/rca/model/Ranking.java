package dev.trimtab.rca.model;

import java.util.List;
import java.util.Set;

/**
 * A window's services ranked by the classifier, most likely culprit first.
 *
 * @param services most suspect first; ties keep the window's service order
 * @param scores each service's score, same order (the SVM's decision value)
 * @param critical the services whose score is above the model's threshold
 */
public record Ranking(List<String> services, double[] scores, Set<String> critical) {
  public Ranking {
    services = List.copyOf(services);
    critical = Set.copyOf(critical);
    if (scores.length != services.size()) {
      throw new IllegalArgumentException("one score per service");
    }
  }

  /** The first {@code k} services (fewer if there are fewer). */
  public List<String> top(int k) {
    return services.subList(0, Math.min(k, services.size()));
  }
}
