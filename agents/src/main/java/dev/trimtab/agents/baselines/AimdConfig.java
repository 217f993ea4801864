package dev.trimtab.agents.baselines;

/**
 * The settings of one {@link AimdController}: one {@link Rule} per resource.
 *
 * <p>The default ({@link #firm()}) is FIRM's AIMD baseline as REFERENCE.md quotes it: on an SLO
 * violation double the limit, otherwise subtract a fixed step; so the increase is multiplicative
 * and the decrease additive, the reverse of TCP's naming. {@link #additiveIncrease()} is the other
 * reading (add a step on violation, shrink by a factor otherwise), for comparison.
 *
 * @param cpu the rule for the per-replica CPU limit, in cores
 * @param memory the rule for the per-replica memory limit, in MiB
 */
public record AimdConfig(Rule cpu, Rule memory) {

  public AimdConfig {
    if (cpu == null || memory == null) {
      throw new IllegalArgumentException("cpu and memory rules are required");
    }
  }

  /**
   * One resource's steps: on a violation {@code limit × increaseFactor + increaseStep}, otherwise
   * {@code limit × decreaseFactor − decreaseStep}, kept within [min, max].
   *
   * @param increaseFactor at least 1
   * @param increaseStep at least 0
   * @param decreaseFactor in (0, 1]
   * @param decreaseStep at least 0
   * @param min the lowest limit, above 0
   * @param max the highest limit, at least {@code min}
   */
  public record Rule(
      double increaseFactor,
      double increaseStep,
      double decreaseFactor,
      double decreaseStep,
      double min,
      double max) {

    public Rule {
      if (!(increaseFactor >= 1) || !Double.isFinite(increaseFactor)) {
        throw new IllegalArgumentException(
            "increaseFactor must be finite and >= 1, got " + increaseFactor);
      }
      if (!(increaseStep >= 0) || !Double.isFinite(increaseStep)) {
        throw new IllegalArgumentException(
            "increaseStep must be finite and >= 0, got " + increaseStep);
      }
      if (!(decreaseFactor > 0 && decreaseFactor <= 1)) {
        throw new IllegalArgumentException(
            "decreaseFactor must be in (0, 1], got " + decreaseFactor);
      }
      if (!(decreaseStep >= 0) || !Double.isFinite(decreaseStep)) {
        throw new IllegalArgumentException(
            "decreaseStep must be finite and >= 0, got " + decreaseStep);
      }
      if (!(min > 0) || !Double.isFinite(min)) {
        throw new IllegalArgumentException("min must be finite and > 0, got " + min);
      }
      if (!(max >= min) || !Double.isFinite(max)) {
        throw new IllegalArgumentException("max must be finite and >= min " + min + ", got " + max);
      }
    }

    /** The limit after an interval in which the service's SLOs were violated. */
    public double increase(double limit) {
      return Math.min(max, Math.max(min, limit * increaseFactor + increaseStep));
    }

    /** The limit after an interval in which all the service's SLOs held. */
    public double decrease(double limit) {
      return Math.max(min, Math.min(max, limit * decreaseFactor - decreaseStep));
    }
  }

  /**
   * FIRM's rule: CPU ×2 on violation, −0.1 cores otherwise, in [0.1, 8] cores; memory ×2 on
   * violation, −64 MiB otherwise, in [250, 16384] MiB (the floor is the VPA's minimum, which keeps
   * a replica clear of the OOM killer for the working sets of the bundled topologies).
   */
  public static AimdConfig firm() {
    return new AimdConfig(new Rule(2, 0, 1, 0.1, 0.1, 8), new Rule(2, 0, 1, 64, 250, 16_384));
  }

  /**
   * The textbook reading: CPU +0.25 cores on violation, ×0.9 otherwise; memory +128 MiB on
   * violation, ×0.9 otherwise; same bounds as {@link #firm()}.
   */
  public static AimdConfig additiveIncrease() {
    return new AimdConfig(new Rule(1, 0.25, 0.9, 0, 0.1, 8), new Rule(1, 128, 0.9, 0, 250, 16_384));
  }
}
