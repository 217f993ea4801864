package dev.trimtab.env.testkit;

/**
 * What a passing check covered, so a test can insist that it covered enough: for example that at
 * least one episode ended, since the step-after-done rule is only exercised then.
 *
 * @param steps steps taken per rollout
 * @param episodesEnded episodes that ended within one rollout (so after which reset() was used)
 */
public record CheckReport(int steps, int episodesEnded) {}
