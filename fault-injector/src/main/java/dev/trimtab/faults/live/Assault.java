package dev.trimtab.faults.live;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The assault settings of Chaos Monkey for Spring Boot 3.3 ({@code POST
 * /actuator/chaosmonkey/assaults}): request assaults (latency, exceptions) hit one call in {@code
 * level} (every {@code level}-th when {@code deterministic}, else each with chance 1/{@code
 * level}); runtime assaults (memory, CPU, app kill) start when {@code /assaults/runtime/attack} is
 * called and run until they end or are switched off.
 */
public record Assault(
    int level,
    boolean deterministic,
    boolean latencyActive,
    int latencyRangeStartMs,
    int latencyRangeEndMs,
    boolean exceptionsActive,
    boolean killApplicationActive,
    boolean memoryActive,
    int memoryMillisecondsHoldFilledMemory,
    int memoryMillisecondsWaitNextIncrease,
    double memoryFillIncrementFraction,
    double memoryFillTargetFraction,
    boolean cpuActive,
    int cpuMillisecondsHoldLoad,
    double cpuLoadTargetFraction) {

  /** Everything off. */
  public static final Assault NONE =
      new Assault(
          1, true, false, 0, 0, false, false, false, 90_000, 1000, 0.15, 0.25, false, 90_000, 0.9);

  public Assault {
    if (level < 1 || level > 10_000) {
      throw new IllegalArgumentException("level must be in [1, 10000], got " + level);
    }
    if (latencyActive && (latencyRangeStartMs < 1 || latencyRangeEndMs < latencyRangeStartMs)) {
      throw new IllegalArgumentException(
          "latency range must be 1 <= start <= end ms, got "
              + latencyRangeStartMs
              + ".."
              + latencyRangeEndMs);
    }
    if (!(memoryFillIncrementFraction > 0 && memoryFillIncrementFraction <= 1)
        || !(memoryFillTargetFraction > 0 && memoryFillTargetFraction <= 0.95)) {
      throw new IllegalArgumentException(
          "memory fractions must be in (0, 1] (increment) and (0, 0.95] (target)");
    }
    if (!(cpuLoadTargetFraction > 0 && cpuLoadTargetFraction <= 1)) {
      throw new IllegalArgumentException("cpuLoadTargetFraction must be in (0, 1]");
    }
  }

  /** Every call answers {@code ms} later (the handler sleeps). */
  public static Assault latency(int ms) {
    return NONE.with(1, true, true, ms, ms, false);
  }

  /**
   * Calls fail with an exception with {@code probability}: one call in {@code round(1 /
   * probability)} at random, the nearest Chaos Monkey can do.
   */
  public static Assault exceptions(double probability) {
    if (!(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1], got " + probability);
    }
    int level = (int) Math.max(1, Math.round(1 / probability));
    return NONE.with(level, level == 1, false, 0, 0, true);
  }

  /**
   * Fills the heap: every {@code waitMs} take {@code incrementFraction} of the free heap until
   * {@code targetFraction} of the maximum is used, then hold it for {@code holdMs}.
   */
  public static Assault memory(
      double incrementFraction, double targetFraction, int waitMs, int holdMs) {
    return new Assault(
        1,
        true,
        false,
        0,
        0,
        false,
        false,
        true,
        holdMs,
        waitMs,
        incrementFraction,
        targetFraction,
        false,
        90_000,
        0.9);
  }

  /** Loads the CPU to {@code targetFraction} for {@code holdMs}. */
  public static Assault cpu(double targetFraction, int holdMs) {
    return new Assault(
        1,
        true,
        false,
        0,
        0,
        false,
        false,
        false,
        90_000,
        1000,
        0.15,
        0.25,
        true,
        holdMs,
        targetFraction);
  }

  /** Kills the application (it calls {@code System.exit}) when the runtime attack runs. */
  public static Assault killApplication() {
    return new Assault(
        1, true, false, 0, 0, false, true, false, 90_000, 1000, 0.15, 0.25, false, 90_000, 0.9);
  }

  private Assault with(
      int newLevel,
      boolean newDeterministic,
      boolean latency,
      int fromMs,
      int toMs,
      boolean exceptions) {
    return new Assault(
        newLevel,
        newDeterministic,
        latency,
        fromMs,
        toMs,
        exceptions,
        killApplicationActive,
        memoryActive,
        memoryMillisecondsHoldFilledMemory,
        memoryMillisecondsWaitNextIncrease,
        memoryFillIncrementFraction,
        memoryFillTargetFraction,
        cpuActive,
        cpuMillisecondsHoldLoad,
        cpuLoadTargetFraction);
  }

  /** Whether any assault is on. */
  public boolean any() {
    return latencyActive || exceptionsActive || killApplicationActive || memoryActive || cpuActive;
  }

  /** Whether a runtime assault (memory, CPU, app kill) is on, which needs a runtime attack. */
  public boolean runtime() {
    return killApplicationActive || memoryActive || cpuActive;
  }

  /**
   * Both at once, as Chaos Monkey holds one setting: the union of the active assaults, latencies
   * added, the smaller level (Chaos Monkey picks one of the active request assaults for each call
   * it attacks, so two request assaults at once are an approximation).
   */
  public Assault merge(Assault o) {
    if (!o.any()) {
      return this;
    }
    if (!any()) {
      return o;
    }
    Assault mem = o.memoryActive ? o : this;
    Assault cpu = o.cpuActive ? o : this;
    return new Assault(
        Math.min(level, o.level),
        deterministic && o.deterministic,
        latencyActive || o.latencyActive,
        latencyRangeStartMs + o.latencyRangeStartMs,
        latencyRangeEndMs + o.latencyRangeEndMs,
        exceptionsActive || o.exceptionsActive,
        killApplicationActive || o.killApplicationActive,
        memoryActive || o.memoryActive,
        mem.memoryMillisecondsHoldFilledMemory,
        mem.memoryMillisecondsWaitNextIncrease,
        mem.memoryFillIncrementFraction,
        mem.memoryFillTargetFraction,
        cpuActive || o.cpuActive,
        cpu.cpuMillisecondsHoldLoad,
        cpu.cpuLoadTargetFraction);
  }

  /** The JSON body of {@code POST /actuator/chaosmonkey/assaults}. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", level);
    m.put("deterministic", deterministic);
    m.put("latencyActive", latencyActive);
    if (latencyActive) {
      m.put("latencyRangeStart", latencyRangeStartMs);
      m.put("latencyRangeEnd", latencyRangeEndMs);
    }
    m.put("exceptionsActive", exceptionsActive);
    m.put("killApplicationActive", killApplicationActive);
    m.put("memoryActive", memoryActive);
    m.put("memoryMillisecondsHoldFilledMemory", memoryMillisecondsHoldFilledMemory);
    m.put("memoryMillisecondsWaitNextIncrease", memoryMillisecondsWaitNextIncrease);
    m.put("memoryFillIncrementFraction", memoryFillIncrementFraction);
    m.put("memoryFillTargetFraction", memoryFillTargetFraction);
    m.put("cpuActive", cpuActive);
    m.put("cpuMillisecondsHoldLoad", cpuMillisecondsHoldLoad);
    m.put("cpuLoadTargetFraction", cpuLoadTargetFraction);
    return m;
  }
}
