package dev.trimtab.testbed.live.load;

/**
 * One client request: which endpoint (index in the topology), when it was meant to be sent and when
 * its answer came (both {@link System#nanoTime()}), and how it ended: 0 completed, 1 dropped (a
 * full queue on its path), 2 errored (an error, a timeout, no answer).
 */
public record RequestRecord(int endpoint, long intendedNanos, long doneNanos, int outcome) {
  public static final int COMPLETED = 0;
  public static final int DROPPED = 1;
  public static final int ERRORED = 2;

  /** Latency from the intended send time, in milliseconds. */
  public double latencyMs() {
    return (doneNanos - intendedNanos) / 1e6;
  }
}
