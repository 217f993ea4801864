package dev.trimtab.faults.campaign;

import dev.trimtab.faults.spec.FaultSpec;
import java.util.List;

/**
 * A named list of faults on a timeline. Faults keep the order they were given in: a fault's index
 * names it in errors ({@code faults[3]}) and seeds its random choices, so reordering a file changes
 * which services {@code one}-mode selectors draw.
 */
public record Campaign(String name, String description, List<FaultSpec> faults) {

  public Campaign {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must be a non-blank name");
    }
    description = description == null ? "" : description;
    faults = List.copyOf(faults);
  }

  /**
   * The index of the first fault that does not end within a run of {@code durationS} seconds, or -1
   * if all do. A fault must end within the run it is injected into: problem files and {@code
   * trimtab inject} both refuse one that does not.
   */
  public int firstFaultPast(double durationS) {
    for (int i = 0; i < faults.size(); i++) {
      if (faults.get(i).endS() > durationS + 1e-9) {
        return i;
      }
    }
    return -1;
  }

  /** When the last fault ends, in seconds (0 for an empty campaign). */
  public double endS() {
    return faults.stream().mapToDouble(FaultSpec::endS).max().orElse(0);
  }
}
