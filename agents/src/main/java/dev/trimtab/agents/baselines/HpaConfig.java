package dev.trimtab.agents.baselines;

/**
 * The settings of one {@link HpaController}, applied to every service. Defaults ({@link
 * #defaults()}) are Kubernetes' own.
 *
 * <p>Utilisation is CPU used over CPU <em>limit</em>: the simulator has no separate requests, so
 * request = limit (a Guaranteed-QoS pod). A Kubernetes HPA targets usage over request, which may
 * exceed 100% when the limit is higher; here it cannot, so one sync can at most multiply the
 * replicas by {@code 1 / targetCpuUtilisation}.
 *
 * @param targetCpuUtilisation the utilisation the HPA steers to, in (0, 1]; default 0.8 (the
 *     autoscaling/v1 default, and {@code kubectl autoscale}'s)
 * @param tolerance no scaling while |utilisation / target − 1| is at most this; default 0.1 ({@code
 *     --horizontal-pod-autoscaler-tolerance})
 * @param syncPeriodMs the HPA decides once per this much simulated time; default 15 s ({@code
 *     --horizontal-pod-autoscaler-sync-period})
 * @param metricWindowMs utilisation is averaged over this much of the latest simulated time, as
 *     metrics-server averages over its resolution window; default 15 s ({@code
 *     --metric-resolution})
 * @param minReplicas default 1 (the API's default)
 * @param maxReplicas required in Kubernetes; default here 10
 * @param scaleUp default {@link ScalingRules#defaultScaleUp()}
 * @param scaleDown default {@link ScalingRules#defaultScaleDown()}
 */
public record HpaConfig(
    double targetCpuUtilisation,
    double tolerance,
    double syncPeriodMs,
    double metricWindowMs,
    int minReplicas,
    int maxReplicas,
    ScalingRules scaleUp,
    ScalingRules scaleDown) {

  public HpaConfig {
    if (!(targetCpuUtilisation > 0 && targetCpuUtilisation <= 1)) {
      throw new IllegalArgumentException(
          "targetCpuUtilisation must be in (0, 1] (CPU used over limit), got "
              + targetCpuUtilisation);
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
    }
    if (!(syncPeriodMs > 0) || !Double.isFinite(syncPeriodMs)) {
      throw new IllegalArgumentException(
          "syncPeriodMs must be finite and > 0, got " + syncPeriodMs);
    }
    if (!(metricWindowMs > 0) || !Double.isFinite(metricWindowMs)) {
      throw new IllegalArgumentException(
          "metricWindowMs must be finite and > 0, got " + metricWindowMs);
    }
    if (minReplicas < 1) {
      throw new IllegalArgumentException("minReplicas must be at least 1, got " + minReplicas);
    }
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "maxReplicas (" + maxReplicas + ") must be at least minReplicas (" + minReplicas + ")");
    }
    if (scaleUp == null || scaleDown == null) {
      throw new IllegalArgumentException("scaleUp and scaleDown rules are required");
    }
  }

  /** Kubernetes' defaults, with at most 10 replicas per service. */
  public static HpaConfig defaults() {
    return new HpaConfig(
        0.8,
        0.1,
        15_000,
        15_000,
        1,
        10,
        ScalingRules.defaultScaleUp(),
        ScalingRules.defaultScaleDown());
  }

  /** These settings with another target utilisation. */
  public HpaConfig withTarget(double target) {
    return new HpaConfig(
        target,
        tolerance,
        syncPeriodMs,
        metricWindowMs,
        minReplicas,
        maxReplicas,
        scaleUp,
        scaleDown);
  }

  /** These settings with other replica bounds. */
  public HpaConfig withReplicas(int min, int max) {
    return new HpaConfig(
        targetCpuUtilisation,
        tolerance,
        syncPeriodMs,
        metricWindowMs,
        min,
        max,
        scaleUp,
        scaleDown);
  }
}
