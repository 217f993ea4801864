package dev.trimtab.testbed.live;

import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.env.topology.EndpointSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.live.LiveInjector;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.score.Detector;
import dev.trimtab.faults.score.IntervalSample;
import dev.trimtab.faults.score.Localizer;
import dev.trimtab.faults.score.ProblemOutcome;
import dev.trimtab.faults.score.ProblemRunner;
import dev.trimtab.faults.score.Scorers;
import dev.trimtab.testbed.live.launch.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays problems on the live testbed, the live twin of {@link ProblemRunner}: the same per-interval
 * order (run the interval; tell the injector the limits; detector and localizer look; record the
 * sample; the controller acts), the same samples and scores, so {@code eval --backend live} takes
 * any controller, detector and localizer the simulated eval takes, unchanged.
 *
 * <p>A testbed is started for the first problem and kept for the next ones while their topology's
 * services and call trees stay the same (SLO overrides change nothing the services run); before
 * each run it is put back as the topology has it. {@link #close} tears it down. Runs are
 * sequential: the testbed is one cluster.
 */
public final class LiveProblemRunner implements AutoCloseable {
  private final TestbedConfig base;
  private final Layout layout;
  private final Consumer<String> progress;
  private Testbed testbed;

  /**
   * @param base the testbed settings (its topology is replaced by each problem's)
   */
  public LiveProblemRunner(TestbedConfig base, Layout layout, Consumer<String> progress) {
    this.base = base;
    this.layout = layout;
    this.progress = progress;
  }

  public ProblemOutcome run(
      Problem problem, Controller controller, long seed, Detector detector, Localizer localizer) {
    Testbed tb = testbedFor(problem.topology());
    tb.reset();
    Topology topology = problem.topology();
    controller.reset(tb);
    detector.reset(topology);
    localizer.reset(topology);
    List<IntervalSample> samples = new ArrayList<>(problem.intervals());
    List<GroundTruth> truth;
    RunSummary summary;
    try (LiveRun run = LiveRun.start(tb, topology, problem.workload(), seed, localizer.spanSink());
        LiveInjector faults = LiveInjector.attach(tb, problem.campaign(), seed)) {
      truth = faults.groundTruth();
      double totalMs = problem.durationS() * 1000;
      double intervalMs = problem.intervalS() * 1000;
      int n = problem.intervals();
      for (int i = 0; i < n; i++) {
        IntervalMetrics m =
            run.runFor(i < n - 1 ? intervalMs : totalMs - intervalMs * (n - 1), faults::advanceTo);
        faults.observe(m);
        boolean alarm = detector.alarm(m);
        localizer.observe(m);
        samples.add(ProblemRunner.sample(m, alarm, localizer.ranking()));
        controller.act(m, tb);
      }
      summary = run.summary();
      for (String p : faults.problems()) {
        progress.accept(problem.name() + ": " + p);
      }
    }
    return new ProblemOutcome(
        problem.name(),
        controller.name(),
        seed,
        samples,
        truth,
        summary,
        Scorers.detection(samples, truth),
        Scorers.localization(samples, truth),
        Scorers.mitigation(samples, truth, summary));
  }

  private Testbed testbedFor(Topology topology) {
    if (testbed != null && sameServices(testbed.topology(), topology)) {
      return testbed;
    }
    if (testbed != null) {
      testbed.close();
      testbed = null;
    }
    testbed = Testbed.start(base.withTopology(topology), layout, progress);
    return testbed;
  }

  /** Same services and call trees; SLOs may differ (the clients judge them, not the services). */
  static boolean sameServices(Topology a, Topology b) {
    if (!a.services().equals(b.services()) || a.endpoints().size() != b.endpoints().size()) {
      return false;
    }
    for (int e = 0; e < a.endpoints().size(); e++) {
      EndpointSpec x = a.endpoints().get(e);
      EndpointSpec y = b.endpoints().get(e);
      if (!x.name().equals(y.name()) || x.weight() != y.weight() || !x.root().equals(y.root())) {
        return false;
      }
    }
    return true;
  }

  /** The testbed running now, or null before the first run. */
  public Testbed testbed() {
    return testbed;
  }

  @Override
  public void close() {
    if (testbed != null) {
      testbed.close();
      testbed = null;
    }
  }
}
