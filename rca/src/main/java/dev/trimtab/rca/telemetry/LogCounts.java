package dev.trimtab.rca.telemetry;

import java.util.Map;

/**
 * One service's log lines over a period.
 *
 * @param lines every line
 * @param errors lines at ERROR or FATAL
 * @param templates lines per template id
 */
public record LogCounts(int lines, int errors, Map<Integer, Integer> templates) {
  public static final LogCounts NONE = new LogCounts(0, 0, Map.of());

  public LogCounts {
    templates = Map.copyOf(templates);
  }
}
