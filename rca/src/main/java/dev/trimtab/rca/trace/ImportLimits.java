package dev.trimtab.rca.trace;

/**
 * Bounds that keep a hostile or broken file from exhausting memory: a file beyond them is refused
 * with a {@link TraceFormatException} (sizes) or has the offending parts skipped and counted
 * (durations, oversized traces).
 *
 * @param maxBytes largest input read, in bytes (a compressed file is counted after decompression)
 * @param maxSpans most spans one import holds
 * @param maxSpansPerTrace larger traces are skipped ({@link ImportReport#TRACE_TOO_LARGE})
 * @param maxSpanNanos longer spans are skipped ({@link ImportReport#HUGE_DURATION})
 */
public record ImportLimits(long maxBytes, long maxSpans, int maxSpansPerTrace, long maxSpanNanos) {
  /** 1 GiB, 10 million spans, 100 000 spans a trace, spans up to one day. */
  public static final ImportLimits DEFAULT =
      new ImportLimits(1L << 30, 10_000_000, 100_000, 86_400_000_000_000L);

  public ImportLimits {
    if (maxBytes < 1 || maxSpans < 1 || maxSpansPerTrace < 1 || maxSpanNanos < 1) {
      throw new IllegalArgumentException("import limits must be positive");
    }
  }
}
