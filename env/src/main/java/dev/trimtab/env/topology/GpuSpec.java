package dev.trimtab.env.topology;

import dev.trimtab.env.power.GpuDvfsModel;
import java.util.Objects;

/**
 * The GPUs of a {@code gpu} service's replica and how its operations respond to the SM clock.
 *
 * <p>Each replica holds {@code devices} GPUs and runs one operation per GPU at a time (no
 * batching). An operation's demand is its GPU time in milliseconds at the profile's highest
 * frequency; at frequency {@code f} it takes {@link GpuDvfsModel#latencyScale} times as long, and a
 * busy GPU draws {@link GpuDvfsModel#powerW}; an idle one draws {@code idlePowerW}.
 *
 * @param profile a DVFS profile name from {@link GpuDvfsModel#profileNames()}, e.g. {@code
 *     dnn-inference} (ResNet-50 on a V100)
 * @param devices GPUs per replica, at least 1
 * @param frequencyMHz initial SM clock, snapped to the nearest V100 level (757 to 1530 MHz)
 * @param idlePowerW board power of an idle GPU, >= 0
 */
public record GpuSpec(String profile, int devices, double frequencyMHz, double idlePowerW) {

  /**
   * Idle board power of a V100 SXM2 at its idle clocks, about 40 W as {@code nvidia-smi} reports
   * it; see docs/power.md.
   */
  public static final double DEFAULT_IDLE_POWER_W = 40;

  public GpuSpec {
    Objects.requireNonNull(profile, "profile");
    if (devices < 1) {
      throw new IllegalArgumentException("devices must be >= 1, got " + devices);
    }
    if (!(frequencyMHz > 0) || !Double.isFinite(frequencyMHz)) {
      throw new IllegalArgumentException("frequencyMHz must be > 0, got " + frequencyMHz);
    }
    if (!(idlePowerW >= 0) || !Double.isFinite(idlePowerW)) {
      throw new IllegalArgumentException("idlePowerW must be >= 0, got " + idlePowerW);
    }
    frequencyMHz = nearestLevelMHz(frequencyMHz);
  }

  /** One V100 per replica running DNN inference (ResNet-50 profile) at its highest clock. */
  public static GpuSpec defaultV100() {
    return new GpuSpec("dnn-inference", 1, 1530, DEFAULT_IDLE_POWER_W);
  }

  /** The DVFS model of {@link #profile}. */
  public GpuDvfsModel model() {
    return GpuDvfsModel.profile(profile);
  }

  /** The supported SM clock nearest to {@code mhz} (ties go to the higher level). */
  public static double nearestLevelMHz(double mhz) {
    double best = GpuDvfsModel.level(0);
    for (int i = 1; i < GpuDvfsModel.levelCount(); i++) {
      double level = GpuDvfsModel.level(i);
      if (Math.abs(level - mhz) <= Math.abs(best - mhz)) {
        best = level;
      }
    }
    return best;
  }
}
