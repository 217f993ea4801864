package dev.trimtab.rca.data;

import dev.trimtab.rca.feature.WindowStats;
import java.util.Set;
import java.util.TreeSet;

/**
 * One window of traces with its label: the services a fault hit during it (empty when none did).
 *
 * @param run which run or dataset case the window comes from, e.g. {@code loc-sn-cpu/seed-7}
 * @param topology the application's name
 * @param faultKind the kind of the fault active in the window, or {@code none}
 * @param startS window start, seconds from the run's start
 * @param endS window end
 * @param culprits the services the fault hit
 * @param window the window's statistics
 * @param reference the fault-free reference window's statistics
 */
public record LabelledWindow(
    String run,
    String topology,
    String faultKind,
    double startS,
    double endS,
    Set<String> culprits,
    WindowStats window,
    WindowStats reference) {
  public static final String NO_FAULT = "none";

  public LabelledWindow {
    culprits = Set.copyOf(new TreeSet<>(culprits));
  }

  public boolean faulty() {
    return !culprits.isEmpty();
  }
}
