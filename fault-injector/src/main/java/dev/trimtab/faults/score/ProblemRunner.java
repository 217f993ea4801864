package dev.trimtab.faults.score;

import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.inject.SimulatedInjector;
import dev.trimtab.faults.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays one problem: the simulation, the campaign (its random picks drawn from the run's seed), a
 * controller acting after every interval, and a detector and a localizer watching. The same
 * problem, controller, contestants and seed give the same outcome, bit for bit.
 *
 * <p>Per interval, in order: run the interval; tell the injector the limits in force; the detector
 * and the localizer look; record the sample; the controller acts (its changes apply from the next
 * interval).
 */
public final class ProblemRunner {
  private ProblemRunner() {}

  public static ProblemOutcome run(
      Problem problem, Controller controller, long seed, Detector detector, Localizer localizer) {
    Simulation sim = Simulation.create(problem.topology(), problem.workload(), seed);
    controller.reset(sim);
    detector.reset(problem.topology());
    localizer.reset(problem.topology());
    if (localizer.spanSink() != null) {
      sim.traceTo(localizer.spanSink(), localizer.spanSamplingRate());
    }
    List<IntervalSample> samples = new ArrayList<>(problem.intervals());
    List<GroundTruth> truth;
    try (SimulatedInjector faults = SimulatedInjector.attach(sim, problem.campaign(), seed)) {
      truth = faults.groundTruth();
      double totalMs = problem.durationS() * 1000;
      double intervalMs = problem.intervalS() * 1000;
      int n = problem.intervals();
      for (int i = 0; i < n; i++) {
        IntervalMetrics m = sim.runFor(i < n - 1 ? intervalMs : totalMs - intervalMs * (n - 1));
        faults.observe(m);
        boolean alarm = detector.alarm(m);
        localizer.observe(m);
        samples.add(sample(m, alarm, localizer.ranking()));
        controller.act(m, sim);
      }
    }
    var summary = sim.summary();
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

  /**
   * What the scorers keep of an interval: the SLO, the p99, the resources asked for (limits times
   * replicas, before the controller acts), the alarm and the top three suspects. Public so that the
   * live testbed's runner keeps exactly the same.
   */
  public static IntervalSample sample(IntervalMetrics m, boolean alarm, List<String> ranking) {
    double cores = 0;
    double memoryMiB = 0;
    int replicas = 0;
    for (ServiceMetrics s : m.services()) {
      cores += s.cpuLimitCores() * s.replicas();
      memoryMiB += s.memoryLimitMiB() * s.replicas();
      replicas += s.replicas();
    }
    return new IntervalSample(
        m.startMs() / 1000,
        m.endMs() / 1000,
        m.sloViolated(),
        m.p99Ms(),
        cores,
        replicas,
        memoryMiB,
        alarm,
        ranking.subList(0, Math.min(3, ranking.size())));
  }
}
