package dev.trimtab.env.workload;

import java.util.random.RandomGenerator;

/**
 * A non-homogeneous Poisson process by thinning (Lewis and Shedler), one segment of the profile at
 * a time: exponential gaps at the segment's bound, each candidate kept with probability rate /
 * bound. Crossing a segment end restarts at the end, which is exact because gaps are memoryless.
 * Constant segments keep every candidate and draw no acceptance number.
 */
final class ThinningStream extends PatternStream {
  private final RateProfile profile;
  private final double scale;
  private final RandomGenerator rng;
  private double nowS;

  ThinningStream(RateProfile profile, WorkloadOptions options, RandomGenerator rng) {
    super(options);
    this.profile = profile;
    this.scale = options.rateScale();
    this.rng = rng;
    this.nowS = options.startOffsetS();
  }

  @Override
  double nextPatternS() {
    while (true) {
      double end = profile.segmentEndS(nowS);
      double bound = scale * profile.boundOn(nowS, end);
      double next = bound > 0 ? nowS + rng.nextExponential() / bound : end;
      if (next >= end) {
        if (end == Double.POSITIVE_INFINITY) {
          return end;
        }
        nowS = end;
        continue;
      }
      nowS = next;
      if (profile.constantAt(next) || rng.nextDouble() * bound < scale * profile.rateAt(next)) {
        return next;
      }
    }
  }
}
