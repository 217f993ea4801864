package dev.trimtab.rca.data;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.Suite;
import dev.trimtab.faults.problem.Suites;
import dev.trimtab.faults.problem.TaskKind;
import java.util.List;

/**
 * The localization problems of a problem suite as scenarios: the problem's topology (with its SLO
 * overrides, which do not change the simulation), workload, campaign and duration; windows are cut
 * at the default 5 s, which is the suites' control interval.
 */
public final class SuiteScenarios {
  private SuiteScenarios() {}

  public static List<Scenario> localization(String suiteNameOrDir) {
    Suite suite = Suites.resolve(suiteNameOrDir);
    List<Scenario> out =
        suite.problems().stream()
            .filter(p -> p.task() == TaskKind.LOCALIZATION)
            .map(SuiteScenarios::of)
            .toList();
    if (out.isEmpty()) {
      throw new ConfigException(suite.source(), "", "the suite has no localization problem");
    }
    return out;
  }

  public static Scenario of(Problem p) {
    return new Scenario(p.name(), p.topology(), p.workload(), p.campaign(), null, p.durationS());
  }
}
