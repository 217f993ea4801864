package dev.trimtab.faults.spec;

import java.util.Arrays;
import java.util.List;

/**
 * How many of the services a selector matches are hit, as in Chaos Mesh: {@code one} picks one at
 * random, {@code all} takes every match, {@code fixed} picks {@code value} of them, {@code
 * fixed-percent} picks {@code value} percent of them (rounded down, at least one). Random picks
 * come from the campaign's seeded stream.
 */
public enum SelectorMode {
  ONE("one"),
  ALL("all"),
  FIXED("fixed"),
  FIXED_PERCENT("fixed-percent");

  private final String yamlName;

  SelectorMode(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The spelling in campaign files and Chaos Mesh manifests. */
  public String yamlName() {
    return yamlName;
  }

  /** Every spelling, for error messages. */
  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(SelectorMode::yamlName).toList();
  }

  /** The mode spelled {@code name}, or null. */
  public static SelectorMode fromYaml(String name) {
    for (SelectorMode m : values()) {
      if (m.yamlName.equals(name)) {
        return m;
      }
    }
    return null;
  }
}
