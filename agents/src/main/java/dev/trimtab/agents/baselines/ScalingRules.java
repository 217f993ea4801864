package dev.trimtab.agents.baselines;

import java.util.List;

/**
 * How fast the HPA may move in one direction ({@code HPAScalingRules} in autoscaling/v2): a
 * stabilisation window over past recommendations, and rate-limiting policies combined by {@code
 * select}.
 *
 * @param stabilisationWindowMs past recommendations this far back bound the new one (scale-down:
 *     the highest of them wins; scale-up: the lowest), in [0, 3600 s]
 * @param select which policy wins when several apply
 * @param policies the rate limits; may be empty only when {@code select} is {@link Select#DISABLED}
 */
public record ScalingRules(
    double stabilisationWindowMs, Select select, List<ScalingPolicy> policies) {

  /** {@code selectPolicy} of autoscaling/v2. */
  public enum Select {
    /** The policy that allows the largest change (the default). */
    MAX,
    /** The policy that allows the smallest change. */
    MIN,
    /** No scaling in this direction. */
    DISABLED
  }

  public ScalingRules {
    if (!(stabilisationWindowMs >= 0 && stabilisationWindowMs <= 3_600_000)) {
      throw new IllegalArgumentException(
          "stabilisationWindowMs must be in [0, 3600000], got " + stabilisationWindowMs);
    }
    if (select == null) {
      throw new IllegalArgumentException("select is required");
    }
    policies = List.copyOf(policies);
    if (policies.isEmpty() && select != Select.DISABLED) {
      throw new IllegalArgumentException("policies may be empty only when select is DISABLED");
    }
  }

  /**
   * Kubernetes' default for scaling up: no stabilisation, and per 15 s at most double the replicas
   * or add 4 pods, whichever is more.
   */
  public static ScalingRules defaultScaleUp() {
    return new ScalingRules(
        0, Select.MAX, List.of(ScalingPolicy.percent(100, 15_000), ScalingPolicy.pods(4, 15_000)));
  }

  /**
   * Kubernetes' default for scaling down: the highest recommendation of the last 300 s, and per 15
   * s any number of pods (100%).
   */
  public static ScalingRules defaultScaleDown() {
    return new ScalingRules(300_000, Select.MAX, List.of(ScalingPolicy.percent(100, 15_000)));
  }

  /** The longest policy period: scale events older than it no longer limit anything. */
  double longestPeriodMs() {
    return policies.stream().mapToDouble(ScalingPolicy::periodMs).max().orElse(0);
  }
}
