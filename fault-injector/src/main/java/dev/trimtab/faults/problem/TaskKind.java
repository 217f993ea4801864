package dev.trimtab.faults.problem;

import java.util.Arrays;
import java.util.List;

/**
 * What a problem asks of its contestant, as in AIOpsLab. Every run gets every score it can have;
 * the task says which of them the problem is judged on and summarised under.
 */
public enum TaskKind {
  /** Was there a fault? Judged on the detector's first alarm. */
  DETECTION("detection"),
  /** Which services? Judged on the localizer's ranking of services. */
  LOCALIZATION("localization"),
  /** Keep the SLOs while the fault lasts, with the least resources. Judged on the controller. */
  MITIGATION("mitigation");

  private final String yamlName;

  TaskKind(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The spelling in problem files and reports. */
  public String yamlName() {
    return yamlName;
  }

  /** Every spelling, for error messages. */
  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(TaskKind::yamlName).toList();
  }

  /** The task spelled {@code name}, or null. */
  public static TaskKind fromYaml(String name) {
    for (TaskKind t : values()) {
      if (t.yamlName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
