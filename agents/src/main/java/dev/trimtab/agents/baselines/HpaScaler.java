package dev.trimtab.agents.baselines;

import java.util.ArrayList;
import java.util.List;

/**
 * One service's HPA state between syncs: past recommendations for the stabilisation windows and
 * past scale events for the rate policies. It follows {@code normalizeDesiredReplicasWithBehaviors}
 * of the Kubernetes HPA controller: stabilise, then rate-limit, then clamp to min/max.
 */
final class HpaScaler {
  private record Recommendation(double atMs, int replicas) {}

  private record ScaleEvent(double atMs, int change) {}

  private final HpaConfig config;
  private final List<Recommendation> recommendations = new ArrayList<>();
  private final List<ScaleEvent> upEvents = new ArrayList<>();
  private final List<ScaleEvent> downEvents = new ArrayList<>();

  /**
   * A scaler created at the HPA's first reconcile, at {@code createdAtMs}: as in Kubernetes, the
   * target's replicas then are the first recommendation, so the scale-down window starts from them
   * rather than from nothing.
   */
  HpaScaler(HpaConfig config, int initialReplicas, double createdAtMs) {
    this.config = config;
    recommendations.add(new Recommendation(createdAtMs, initialReplicas));
  }

  /** The replicas to run from {@code nowMs}, given the raw recommendation {@code desired}. */
  int decide(int current, int desired, double nowMs) {
    int target;
    if (current > config.maxReplicas()) {
      target = config.maxReplicas();
    } else if (current < config.minReplicas()) {
      target = config.minReplicas();
    } else {
      int stabilised = stabilise(current, desired, nowMs);
      target = limitRate(current, stabilised, nowMs);
    }
    if (target != current) {
      record(current, target, nowMs);
    }
    return target;
  }

  /**
   * Bounds the recommendation by the lowest one of the scale-up window and the highest one of the
   * scale-down window (the current one included), then remembers it.
   */
  private int stabilise(int current, int desired, double nowMs) {
    double upCutoff = nowMs - config.scaleUp().stabilisationWindowMs();
    double downCutoff = nowMs - config.scaleDown().stabilisationWindowMs();
    int up = desired;
    int down = desired;
    for (Recommendation r : recommendations) {
      if (r.atMs() > upCutoff) {
        up = Math.min(up, r.replicas());
      }
      if (r.atMs() > downCutoff) {
        down = Math.max(down, r.replicas());
      }
    }
    recommendations.removeIf(r -> r.atMs() <= upCutoff && r.atMs() <= downCutoff);
    recommendations.add(new Recommendation(nowMs, desired));
    int result = current;
    if (result < up) {
      result = up;
    }
    if (result > down) {
      result = down;
    }
    return result;
  }

  private int limitRate(int current, int desired, double nowMs) {
    if (desired > current) {
      int limit = Math.max(scaleUpLimit(current, nowMs), current);
      return Math.min(desired, Math.min(limit, config.maxReplicas()));
    }
    if (desired < current) {
      int limit = Math.min(scaleDownLimit(current, nowMs), current);
      return Math.max(desired, Math.max(limit, config.minReplicas()));
    }
    return desired;
  }

  private int scaleUpLimit(int current, double nowMs) {
    ScalingRules rules = config.scaleUp();
    if (rules.select() == ScalingRules.Select.DISABLED) {
      return current;
    }
    boolean max = rules.select() == ScalingRules.Select.MAX;
    long result = max ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (ScalingPolicy p : rules.policies()) {
      int periodStart =
          current - changeWithin(upEvents, p, nowMs) + changeWithin(downEvents, p, nowMs);
      long proposed =
          p.type() == ScalingPolicy.Type.PODS
              ? (long) periodStart + p.value()
              : (long) Math.ceil(periodStart * (1 + p.value() / 100.0));
      result = max ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return (int) Math.min(result, Integer.MAX_VALUE);
  }

  private int scaleDownLimit(int current, double nowMs) {
    ScalingRules rules = config.scaleDown();
    if (rules.select() == ScalingRules.Select.DISABLED) {
      return current;
    }
    boolean max = rules.select() == ScalingRules.Select.MAX;
    long result = max ? Long.MAX_VALUE : Long.MIN_VALUE;
    for (ScalingPolicy p : rules.policies()) {
      int periodStart =
          current - changeWithin(upEvents, p, nowMs) + changeWithin(downEvents, p, nowMs);
      long proposed =
          p.type() == ScalingPolicy.Type.PODS
              ? (long) periodStart - p.value()
              : (long) (periodStart * (1 - p.value() / 100.0));
      result = max ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return (int) result;
  }

  /**
   * Replicas added (or removed) by events inside the policy's period {@code (now − period, now]}.
   */
  private static int changeWithin(List<ScaleEvent> events, ScalingPolicy p, double nowMs) {
    double cutoff = nowMs - p.periodMs();
    int sum = 0;
    for (ScaleEvent e : events) {
      if (e.atMs() > cutoff) {
        sum += e.change();
      }
    }
    return sum;
  }

  private void record(int current, int target, double nowMs) {
    if (target > current) {
      double cutoff = nowMs - config.scaleUp().longestPeriodMs();
      upEvents.removeIf(e -> e.atMs() <= cutoff);
      upEvents.add(new ScaleEvent(nowMs, target - current));
    } else {
      double cutoff = nowMs - config.scaleDown().longestPeriodMs();
      downEvents.removeIf(e -> e.atMs() <= cutoff);
      downEvents.add(new ScaleEvent(nowMs, current - target));
    }
  }
}
