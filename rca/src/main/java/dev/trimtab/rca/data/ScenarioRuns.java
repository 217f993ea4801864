package dev.trimtab.rca.data;

import dev.trimtab.env.concurrent.InOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs scenarios for several seeds on a few threads and gathers their labelled windows in a fixed
 * order (scenario, then seed), so the result does not depend on the number of threads.
 */
public final class ScenarioRuns {
  private ScenarioRuns() {}

  public static List<LabelledWindow> windows(
      List<Scenario> scenarios, List<Long> seeds, SimulatedWindows.Options o, int threads) {
    return windows(scenarios, seeds, o, threads, LoadProgress.NONE);
  }

  /** As above, telling {@code progress} of each finished run. */
  public static List<LabelledWindow> windows(
      List<Scenario> scenarios,
      List<Long> seeds,
      SimulatedWindows.Options o,
      int threads,
      LoadProgress progress) {
    List<Callable<List<LabelledWindow>>> tasks = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (long seed : seeds) {
        tasks.add(
            () -> {
              List<LabelledWindow> w = run(s, seed, o);
              progress.step();
              return w;
            });
      }
    }
    progress.expect(tasks.size());
    List<LabelledWindow> out = new ArrayList<>();
    for (List<LabelledWindow> windows : InOrder.run(tasks, threads, "rca-scenario")) {
      out.addAll(windows);
    }
    return out;
  }

  /** The labelled windows of one scenario and seed. */
  public static List<LabelledWindow> run(Scenario s, long seed, SimulatedWindows.Options o) {
    return SimulatedWindows.run(
        s.name() + "/seed-" + seed,
        s.topology(),
        s.workload(),
        s.campaign(seed),
        s.durationS(),
        seed,
        o);
  }
}
