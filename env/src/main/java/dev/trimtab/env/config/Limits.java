package dev.trimtab.env.config;

/**
 * Bounds shared by the numeric fields of several user formats. Each is far beyond what a real run
 * needs and small enough that a run stays within memory and time; a value outside is refused at
 * load time, naming the field, the value and the range. The format pages in {@code docs/formats/}
 * list them under "Limits". Bounds that belong to one field only (a percentile, a probability) live
 * with that field's binder.
 */
public final class Limits {
  /** Longest simulated time any time field may name: ten years (365-day), in seconds. */
  public static final double MAX_SECONDS = 315_360_000;

  /**
   * Longest simulated time of one run (a problem's durationS, the CLI's --duration): 366 days. Time
   * fields inside a run (a fault's start, a workload's period) may name more, up to {@link
   * #MAX_SECONDS}; a run never lasts longer than this.
   */
  public static final int MAX_RUN_DAYS = 366;

  /** {@link #MAX_RUN_DAYS} in seconds. */
  public static final double MAX_RUN_S = MAX_RUN_DAYS * 86_400.0;

  /** Shortest control interval of a run: 1 ms. */
  public static final double MIN_INTERVAL_S = 0.001;

  /** Most control intervals in one run (duration / interval). */
  public static final double MAX_INTERVALS = 1e8;

  /** Highest request rate, per field and as a workload's simulated mean: requests per second. */
  public static final double MAX_RATE_PER_S = 1_000_000;

  /** Most replicas of one service. */
  public static final int MAX_REPLICAS = 10_000;

  /** Most CPU cores per replica. */
  public static final double MAX_CORES = 1024;

  /** Most memory per replica, and largest memory amounts anywhere: 1 TiB in MiB. */
  public static final double MAX_MIB = 1_048_576;

  /** Longest latency, timeout or delay in milliseconds: a day. */
  public static final double MAX_MS = 86_400_000;

  /** Largest multiple or factor of a rate or a cost (peak multiples, rate factors). */
  public static final double MAX_FACTOR = 1000;

  /** Largest relative weight (endpoint weights, request-mix weights). */
  public static final double MAX_WEIGHT = 1e9;

  /** The simulated length of one run: {@code (0, MAX_RUN_S]} seconds. */
  public static final Range RUN_S = Range.above(0, MAX_RUN_S, "a number of seconds");

  /** A start time: {@code [0, MAX_SECONDS]} seconds. */
  public static final Range START_S = Range.closed(0, MAX_SECONDS, "a number of seconds");

  /** A length of time that may be zero: {@code [0, MAX_SECONDS]} seconds. */
  public static final Range SPAN_S = Range.closed(0, MAX_SECONDS, "a number of seconds");

  /** A length of time that must be positive: {@code (0, MAX_SECONDS]} seconds. */
  public static final Range DURATION_S = Range.above(0, MAX_SECONDS, "a number of seconds");

  /** A positive request rate: {@code (0, MAX_RATE_PER_S]}. */
  public static final Range RATE_PER_S = Range.above(0, MAX_RATE_PER_S, "a number of req/s");

  /** A request rate that may be zero: {@code [0, MAX_RATE_PER_S]}. */
  public static final Range RATE_OR_ZERO_PER_S =
      Range.closed(0, MAX_RATE_PER_S, "a number of req/s");

  /** A positive multiple: {@code (0, MAX_FACTOR]}. */
  public static final Range FACTOR = Range.above(0, MAX_FACTOR, "a factor");

  /** A positive relative weight: {@code (0, MAX_WEIGHT]}. */
  public static final Range WEIGHT = Range.above(0, MAX_WEIGHT, "a weight");

  /** A latency that must be positive: {@code (0, MAX_MS]} milliseconds. */
  public static final Range LATENCY_MS = Range.above(0, MAX_MS, "a number of ms");

  /** A latency that may be zero: {@code [0, MAX_MS]} milliseconds. */
  public static final Range DELAY_MS = Range.closed(0, MAX_MS, "a number of ms");

  /** A probability of an event that happens at times: {@code (0, 1]}. */
  public static final Range PROBABILITY = Range.above(0, 1, "a probability");

  /** A CPU limit per replica: {@code (0, MAX_CORES]} cores. */
  public static final Range CORES = Range.above(0, MAX_CORES, "a number of cores");

  /** A memory amount per replica: {@code (0, MAX_MIB]} MiB. */
  public static final Range MIB = Range.above(0, MAX_MIB, "a number of MiB");

  /** A replica count: {@code [1, MAX_REPLICAS]}. */
  public static final Range REPLICAS = Range.integers(1, MAX_REPLICAS, "an integer");

  private Limits() {}
}
