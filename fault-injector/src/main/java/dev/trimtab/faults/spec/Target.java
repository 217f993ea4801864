package dev.trimtab.faults.spec;

import java.util.List;
import java.util.Map;

/**
 * Which services a fault hits: {@code services} lists exact names and glob patterns ({@code *} any
 * run of characters, {@code ?} one character, e.g. {@code ts-*-service}); {@code labels} keeps only
 * services that carry every one of these topology labels (as a Kubernetes label selector does);
 * {@code mode} and {@code value} say how many of the matches are hit (see {@link SelectorMode}). An
 * empty {@code services} with labels selects among all services.
 *
 * @param value the count for {@code fixed} (at least 1), the percentage for {@code fixed-percent}
 *     (1 to 100), and 0 for {@code one} and {@code all}
 */
public record Target(
    List<String> services, Map<String, String> labels, SelectorMode mode, int value) {

  public Target {
    Checks.present("target.services", services);
    Checks.present("target.labels", labels);
    Checks.present("target.mode", mode);
    if (services.isEmpty() && labels.isEmpty()) {
      throw new FaultFieldException(
          "target.services", "must list at least one service or pattern, or give labels");
    }
    labels = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(labels));
    for (String s : services) {
      if (s == null || s.isBlank() || !s.matches("[A-Za-z0-9._*?-]+")) {
        throw new FaultFieldException(
            "target.services",
            "entries must be service names or globs of letters, digits, '.', '_', '-', '*', '?'; got '"
                + s
                + "'");
      }
    }
    services = List.copyOf(services);
    switch (mode) {
      case ONE, ALL -> {
        if (value != 0) {
          throw new FaultFieldException(
              "target.value", "is only for modes fixed and fixed-percent, got " + value);
        }
      }
      case FIXED -> Checks.atLeast("target.value", value, 1);
      case FIXED_PERCENT -> Checks.between("target.value", value, 1, 100);
    }
  }

  /** Services by name or pattern, without labels. */
  public Target(List<String> services, SelectorMode mode, int value) {
    this(services, Map.of(), mode, value);
  }

  /** Every listed service, exactly. */
  public static Target all(String... services) {
    return new Target(List.of(services), SelectorMode.ALL, 0);
  }

  /** One service drawn from those that match. */
  public static Target one(String... services) {
    return new Target(List.of(services), SelectorMode.ONE, 0);
  }

  /** Whether a service of this name and these labels is selected (before the mode is applied). */
  public boolean selects(String service, Map<String, String> serviceLabels) {
    for (Map.Entry<String, String> l : labels.entrySet()) {
      if (!l.getValue().equals(serviceLabels.get(l.getKey()))) {
        return false;
      }
    }
    return services.isEmpty() || matches(service);
  }

  /** Whether {@code service} matches one of the names or patterns. */
  public boolean matches(String service) {
    for (String s : services) {
      if (isPattern(s) ? globMatches(s, service) : s.equals(service)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an entry is a glob pattern rather than an exact name. */
  public static boolean isPattern(String entry) {
    return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0;
  }

  /**
   * Whether {@code text} matches {@code pattern} ({@code *} any run, {@code ?} one character).
   * Greedy with one saved position, so O(pattern x text) whatever the pattern: a regular expression
   * built from {@code *a*a*a*a*a*a*a*a*c} backtracks for seconds on a 40-letter name.
   */
  static boolean globMatches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
