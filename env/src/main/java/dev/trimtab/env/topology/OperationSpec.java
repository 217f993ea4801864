package dev.trimtab.env.topology;

import java.util.Objects;

/** One operation a service offers, and the CPU time it needs per call. */
public record OperationSpec(String name, Demand demandCoreMs) {
  public OperationSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(demandCoreMs, "demandCoreMs");
  }
}
