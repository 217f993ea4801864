package dev.trimtab.env.topology;

import java.util.Objects;

/**
 * One operation a service offers and the work it needs per call: core-milliseconds of CPU on a
 * {@code cpu} service, GPU-milliseconds at the highest clock on a {@code gpu} service.
 *
 * @param demandCoreMs work per call, drawn from a distribution
 * @param perPromptTokenMs work added per prompt token of the request (0 when work does not depend
 *     on tokens; only workloads with token counts, such as the Azure LLM traces, have them)
 * @param perOutputTokenMs work added per generated token of the request
 */
public record OperationSpec(
    String name, Demand demandCoreMs, double perPromptTokenMs, double perOutputTokenMs) {
  public OperationSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(demandCoreMs, "demandCoreMs");
    if (!(perPromptTokenMs >= 0) || !(perOutputTokenMs >= 0)) {
      throw new IllegalArgumentException("per-token work must be >= 0");
    }
  }

  /** An operation whose work does not depend on tokens. */
  public OperationSpec(String name, Demand demandCoreMs) {
    this(name, demandCoreMs, 0, 0);
  }

  /** Whether the work depends on the request's token counts. */
  public boolean tokenDependent() {
    return perPromptTokenMs > 0 || perOutputTokenMs > 0;
  }
}
