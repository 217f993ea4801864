package dev.trimtab.agents.baselines;

/**
 * One HPA scaling policy ({@code HPAScalingPolicy} in autoscaling/v2): at most {@code value} pods,
 * or {@code value} percent of the replicas at the start of the period, added (or removed) per
 * {@code periodMs}.
 *
 * @param type whether {@code value} counts pods or percent
 * @param value pods or percent, at least 1
 * @param periodMs the sliding period over which the change is counted, in (0, 1800 s] as the API
 *     allows
 */
public record ScalingPolicy(Type type, int value, double periodMs) {

  /** The two policy kinds of autoscaling/v2. */
  public enum Type {
    /** A number of pods. */
    PODS,
    /** A percentage of the replicas at the start of the period. */
    PERCENT
  }

  public ScalingPolicy {
    if (type == null) {
      throw new IllegalArgumentException("type is required");
    }
    if (value < 1) {
      throw new IllegalArgumentException("value must be at least 1, got " + value);
    }
    if (!(periodMs > 0 && periodMs <= 1_800_000)) {
      throw new IllegalArgumentException("periodMs must be in (0, 1800000], got " + periodMs);
    }
  }

  /** {@code value} pods per {@code periodMs}. */
  public static ScalingPolicy pods(int value, double periodMs) {
    return new ScalingPolicy(Type.PODS, value, periodMs);
  }

  /** {@code value} percent per {@code periodMs}. */
  public static ScalingPolicy percent(int value, double periodMs) {
    return new ScalingPolicy(Type.PERCENT, value, periodMs);
  }
}
