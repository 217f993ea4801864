package dev.trimtab.rca.trace;

import java.util.List;

/** The traces one import produced, and its {@link ImportReport}. */
public record TraceBatch(List<Trace> traces, ImportReport report) {
  public TraceBatch {
    traces = List.copyOf(traces);
  }
}
