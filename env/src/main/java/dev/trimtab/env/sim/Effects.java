package dev.trimtab.env.sim;

/**
 * The combined effect of the perturbations active on one service (or one caller-callee edge): what
 * the event loop reads. Neutral values mean "not perturbed"; {@link #reset()} returns to them.
 */
final class Effects {
  /** Fraction of the CPU limit the service can actually use (contention from noisy neighbours). */
  double cpuCapacityFactor = 1;

  /** Multiplier on every CPU burst (memory bandwidth, LLC, disk I/O contention). */
  double serviceTimeFactor = 1;

  double addedDelayMs;
  double delayJitterMs;

  /** Probability that a call into the service is lost: no reply, the caller times out. */
  double lossProbability;

  /** Probability that a call ends in an error after its CPU burst. */
  double errorProbability;

  /** Link into the service, in Mbit/s; 0 means no cap. */
  double bandwidthMbitPerS;

  double payloadKiB;

  /** Calls are accepted and never answered. */
  boolean hung;

  /** Working-set growth, MiB per simulated second. */
  double leakMiBPerS;

  /** Highest SM clock the service's GPUs reach, as a share of the top clock (thermal/power cap). */
  double gpuClockCapFraction = 1;

  /** Time a call spends inside the service after its work, using no CPU (injected latency). */
  double handlerDelayMs;

  void reset() {
    cpuCapacityFactor = 1;
    serviceTimeFactor = 1;
    addedDelayMs = 0;
    delayJitterMs = 0;
    lossProbability = 0;
    errorProbability = 0;
    bandwidthMbitPerS = 0;
    payloadKiB = 0;
    hung = false;
    leakMiBPerS = 0;
    neutralNetwork = true;
    gpuClockCapFraction = 1;
    handlerDelayMs = 0;
  }

  /** {@link #networkNeutral()} as of the last {@link #settle()}: what the event loop reads. */
  boolean neutralNetwork = true;

  /** Call after the effects changed, before the event loop reads them again. */
  void settle() {
    neutralNetwork = networkNeutral();
  }

  boolean networkNeutral() {
    return addedDelayMs == 0
        && delayJitterMs == 0
        && lossProbability == 0
        && bandwidthMbitPerS == 0;
  }

  /** Adds one more independent loss source: the call survives only if it survives both. */
  void addLoss(double probability) {
    lossProbability = 1 - (1 - lossProbability) * (1 - probability);
  }

  void addError(double probability) {
    errorProbability = 1 - (1 - errorProbability) * (1 - probability);
  }
}
