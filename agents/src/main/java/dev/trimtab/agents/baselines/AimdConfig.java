package dev.trimtab.agents.baselines;

/**
 * The settings of one {@link AimdController}: one {@link Rule} per resource.
 *
 * <p>The default ({@link #defaults()}) is FIRM's baseline as REFERENCE.md states it: on an SLO
 * violation double the CPU limit of the endpoint's services, otherwise subtract a fixed step
 * ({@link #doubling()}). The name suggests the opposite reading, a step more on violation and a
 * factor less otherwise; it is kept as {@link #additiveIncrease()}. On the bundled topologies the
 * doubling reading allocates 5 to 10 times the CPU of the additive one and misses SLOs longer
 * (docs/baselines.md has the figures): it is the baseline FIRM beat, not the best AIMD there is.
 *
 * <p>Memory is left alone by default: FIRM's actions cover CPU, memory bandwidth, cache, disk and
 * network, not memory capacity, and a memory limit stepped down blindly ends in the OOM killer.
 * {@link #withMemory} turns it on.
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

  /** A rule that never changes the limit. */
  public static Rule unchanged() {
    return new Rule(1, 0, 1, 0, Double.MIN_VALUE, Double.MAX_VALUE);
  }

  /**
   * Additive increase, multiplicative decrease on CPU: +0.25 cores on violation, ×0.9 otherwise, in
   * [0.1, 8] cores (0.1 is the smallest limit in the bundled topologies, 8 a typical node); memory
   * unchanged.
   */
  public static AimdConfig additiveIncrease() {
    return new AimdConfig(new Rule(1, 0.25, 0.9, 0, 0.1, 8), unchanged());
  }

  /** FIRM's baseline as REFERENCE.md states it: {@link #doubling()}. */
  public static AimdConfig defaults() {
    return doubling();
  }

  /**
   * REFERENCE.md's reading of FIRM's baseline: CPU ×2 on violation, −0.1 cores otherwise, in [0.1,
   * 8] cores; memory unchanged.
   */
  public static AimdConfig doubling() {
    return new AimdConfig(new Rule(2, 0, 1, 0.1, 0.1, 8), unchanged());
  }

  /**
   * These settings with {@code rule} for memory, e.g. {@code new Rule(1, 128, 0.9, 0, 250, 16384)}.
   */
  public AimdConfig withMemory(Rule rule) {
    return new AimdConfig(cpu, rule);
  }
}
