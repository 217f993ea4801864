package dev.trimtab.env.workload;

/**
 * The arrivals of one run, in order. The simulator pulls one arrival at a time, so a stream holds
 * O(1) state however long the run; it allocates nothing per arrival.
 *
 * <p>Trace streams hold an open file: they close it themselves when they end, and {@link #close}
 * releases it early (a stream abandoned mid-run should be closed).
 */
public interface ArrivalStream extends AutoCloseable {

  /**
   * Simulated time in milliseconds of the next arrival, never earlier than the previous one, or
   * {@link Double#POSITIVE_INFINITY} when the workload has ended.
   */
  double nextArrivalMs();

  /** Prompt (context) tokens of the arrival just returned, or 0 when the workload has none. */
  default int promptTokens() {
    return 0;
  }

  /** Generated tokens of the arrival just returned, or 0 when the workload has none. */
  default int outputTokens() {
    return 0;
  }

  /** Releases any file the stream reads; idempotent; a no-op for synthetic streams. */
  @Override
  default void close() {}
}
