package dev.trimtab.rca.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs scenarios for several seeds on a few threads and gathers their labelled windows in a fixed
 * order (scenario, then seed), so the result does not depend on the number of threads.
 */
public final class ScenarioRuns {
  private ScenarioRuns() {}

  public static List<LabelledWindow> windows(
      List<Scenario> scenarios, List<Long> seeds, SimulatedWindows.Options o, int threads) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              Thread t = new Thread(r, "rca-scenario");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<List<LabelledWindow>>> futures = new ArrayList<>();
      for (Scenario s : scenarios) {
        for (long seed : seeds) {
          futures.add(pool.submit(() -> run(s, seed, o)));
        }
      }
      List<LabelledWindow> out = new ArrayList<>();
      for (var f : futures) {
        out.addAll(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
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
