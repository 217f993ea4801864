package dev.trimtab.env.topology;

import java.util.Arrays;
import java.util.List;

/**
 * How a replica's CPU limit is shared among the calls it holds (see docs/simulator.md for what each
 * models and when to pick it).
 */
public enum CpuSharing {
  /**
   * First come, first served: a limit of L cores is {@code ceil(L)} servers of {@code L / ceil(L)}
   * cores each; calls beyond them wait in a FIFO queue of at most {@code queueBound}. A call keeps
   * the speed it started with. The default.
   */
  FCFS("fcfs"),

  /**
   * Processor sharing: every call in the replica runs at once, each at {@code min(1, L / n)} cores
   * when it holds n calls (one thread uses at most one core), as the Linux CFS shares a quota among
   * many threads. Speeds change as calls come and go and when the limit changes; at most {@code
   * queueBound} calls are held, arrivals beyond are dropped.
   */
  PROCESSOR_SHARING("processor-sharing");

  /** What a topology file says when it names no sharing mode. */
  public static final CpuSharing DEFAULT = FCFS;

  private final String yamlName;

  CpuSharing(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name a topology file uses. */
  public String yamlName() {
    return yamlName;
  }

  /** The mode a topology file names, or null if none has that name. */
  public static CpuSharing fromYamlName(String name) {
    for (CpuSharing c : values()) {
      if (c.yamlName.equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** Every name a topology file may use, the default first. */
  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(CpuSharing::yamlName).toList();
  }
}
