package dev.trimtab.cli;

/**
 * How a span of simulated time splits into control intervals: full intervals, then a shorter last
 * one if the span is not a whole number of intervals.
 *
 * @param totalMs the span, finite and > 0
 * @param intervalMs the control interval, finite and > 0
 */
record IntervalPlan(double totalMs, double intervalMs) {
  private static final double SLACK = 1e-9;

  IntervalPlan {
    if (!(totalMs > 0) || !(intervalMs > 0)) {
      throw new IllegalArgumentException("totalMs and intervalMs must be > 0");
    }
  }

  /** Number of intervals. */
  long count() {
    return Math.max(1, (long) Math.ceil(totalMs / intervalMs - SLACK));
  }

  /** Length of interval {@code i} (from 0): the interval, or what is left for the last one. */
  double stepMs(long i) {
    long n = count();
    if (i < 0 || i >= n) {
      throw new IndexOutOfBoundsException("interval " + i + " of " + n);
    }
    return i < n - 1 ? intervalMs : totalMs - intervalMs * (n - 1);
  }
}
