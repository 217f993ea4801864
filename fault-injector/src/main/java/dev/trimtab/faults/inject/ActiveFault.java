package dev.trimtab.faults.inject;

import dev.trimtab.env.sim.Perturbation;
import java.util.ArrayList;
import java.util.List;

/** What one running fault changed, so that it can be undone exactly once. */
final class ActiveFault {
  final GroundTruth truth;
  private final List<Perturbation> perturbations = new ArrayList<>();
  private final List<Runnable> restores = new ArrayList<>();
  private boolean ended;

  ActiveFault(GroundTruth truth) {
    this.truth = truth;
  }

  void add(Perturbation p) {
    perturbations.add(p);
  }

  /** Replaces every perturbation held with {@code next} (null for none): a flash-crowd step. */
  void replaceAll(Perturbation next) {
    for (Perturbation p : perturbations) {
      p.remove();
    }
    perturbations.clear();
    if (next != null) {
      perturbations.add(next);
    }
  }

  void onEnd(Runnable restore) {
    restores.add(restore);
  }

  boolean ended() {
    return ended;
  }

  /** Removes every perturbation and runs every restore, even when one of them fails. */
  void end() {
    if (ended) {
      return;
    }
    ended = true;
    RuntimeException first = null;
    for (Perturbation p : perturbations) {
      try {
        p.remove();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    for (Runnable r : restores) {
      try {
        r.run();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
