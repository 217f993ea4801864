package dev.trimtab.rca.trace;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import kept and what it skipped, by reason. Skipping is for input whose meaning is clear
 * but which cannot enter the model (a negative duration, a span outside any tree); unreadable input
 * throws {@link TraceFormatException} instead.
 *
 * @param traces whole traces kept
 * @param spans spans kept
 * @param skipped spans (or, for {@code trace-*} reasons, traces) skipped, by reason, sorted
 */
public record ImportReport(int traces, long spans, Map<String, Long> skipped) {

  /** A span whose end is before its start. */
  public static final String NEGATIVE_DURATION = "negative-duration";

  /** A span longer than {@link ImportLimits#maxSpanNanos}. */
  public static final String HUGE_DURATION = "huge-duration";

  /** A second span with the id of one already seen in the same trace. */
  public static final String DUPLICATE_ID = "duplicate-id";

  /** A span whose parent is not in the trace, with its descendants. */
  public static final String MISSING_PARENT = "missing-parent";

  /** A span on a parent cycle (its own ancestor), with its descendants. */
  public static final String CYCLE = "cycle";

  /** A root beyond the first one of a trace (the longest root is kept), with its descendants. */
  public static final String EXTRA_ROOT = "extra-root";

  /** Traces without any root. Counted in traces. */
  public static final String TRACE_WITHOUT_ROOT = "trace-without-root";

  /** Traces with more spans than {@link ImportLimits#maxSpansPerTrace}. Counted in traces. */
  public static final String TRACE_TOO_LARGE = "trace-too-large";

  /** A span missing a field the model needs (ids, service, times). */
  public static final String MISSING_FIELD = "missing-field";

  public ImportReport {
    skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
  }

  /** Everything skipped, whatever the reason. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Reasons in a stable order, for messages. */
  public List<String> reasons() {
    return List.copyOf(skipped.keySet());
  }

  /** One line for logs: {@code 120 traces, 1540 spans; skipped: cycle=3, missing-parent=2}. */
  public String summary() {
    StringBuilder b = new StringBuilder().append(traces).append(" traces, ").append(spans);
    b.append(" spans");
    if (!skipped.isEmpty()) {
      b.append("; skipped: ");
      skipped.forEach((k, v) -> b.append(k).append('=').append(v).append(", "));
      b.setLength(b.length() - 2);
    }
    return b.toString();
  }
}
