package dev.trimtab.agents.baselines;

/**
 * Tells a controller when one of its periods has ended, in simulated time: the HPA syncs every 15 s
 * and the VPA recommender runs every minute whatever the control interval is. A period ends at each
 * whole multiple of {@code periodMs} since time 0; a tiny slack absorbs rounding in interval ends.
 */
final class PeriodicClock {
  private final double periodMs;
  private long last = Long.MIN_VALUE;

  PeriodicClock(double periodMs) {
    this.periodMs = periodMs;
  }

  /**
   * Whether a period ended within the interval {@code [startMs, endMs]} just run; the first call
   * anchors the clock at {@code startMs}.
   */
  boolean due(double startMs, double endMs) {
    if (last == Long.MIN_VALUE) {
      last = index(startMs);
    }
    long now = index(endMs);
    if (now <= last) {
      return false;
    }
    last = now;
    return true;
  }

  /** Forgets the anchor, for a new run. */
  void reset() {
    last = Long.MIN_VALUE;
  }

  private long index(double timeMs) {
    return (long) Math.floor((timeMs + 1e-6) / periodMs);
  }
}
