package dev.trimtab.env.workload;

import java.util.Map;

/**
 * The closed set of workload kinds Trimtab reads from files and specs. Each is an immutable,
 * validated record; {@link #open} starts an allocation-free stream.
 *
 * <p>Expected-count bookkeeping is shared: a kind says how many arrivals its unscaled pattern
 * expects between two pattern times, and the mean simulated rate follows from the options.
 */
public sealed interface WorkloadSpec extends Workload
    permits PoissonWorkload, DiurnalWorkload, MmppWorkload, FlashCrowdWorkload, TraceWorkload {

  /** The shared options: scale, offset, time compression, duration and mix. */
  WorkloadOptions options();

  /** The kind's name as written in files, e.g. {@code "flash-crowd"}. */
  String kind();

  /** Expected arrivals of the unscaled pattern in pattern time [fromS, toS). */
  double patternCount(double fromS, double toS);

  /**
   * Unscaled mean pattern rate over the window a stream replays (from {@code startOffsetS} for
   * {@code durationS}); the long-run mean when there is no duration. Used to turn {@code
   * targetMeanRatePerS} into a scale.
   */
  double windowPatternRatePerS();

  /** This workload with other options (same kind and shape). */
  WorkloadSpec withOptions(WorkloadOptions options);

  @Override
  default Map<String, Double> mix() {
    return options().mix();
  }

  @Override
  default double meanRatePerS(double horizonS) {
    if (!(horizonS > 0)) {
      throw new IllegalArgumentException("horizonS must be > 0");
    }
    WorkloadOptions o = options();
    double activeS = Math.min(horizonS, o.durationS());
    double from = o.startOffsetS();
    return o.rateScale() * patternCount(from, from + activeS * o.timeCompression()) / horizonS;
  }

  /**
   * The same workload scaled so that its simulated mean rate over the replayed window is {@code
   * targetRatePerS}: scale = target / (timeCompression x window pattern rate).
   */
  default WorkloadSpec scaledToMeanRate(double targetRatePerS) {
    double patternRate = windowPatternRatePerS();
    if (!(patternRate > 0)) {
      throw new IllegalArgumentException("the replayed window has no arrivals to scale");
    }
    double scale = targetRatePerS / (options().timeCompression() * patternRate);
    return withOptions(options().withScale(scale, targetRatePerS));
  }
}
