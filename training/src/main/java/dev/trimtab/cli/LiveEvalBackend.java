package dev.trimtab.cli;

import dev.trimtab.env.control.Controller;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.Suite;
import dev.trimtab.faults.score.Detector;
import dev.trimtab.faults.score.Localizer;
import dev.trimtab.faults.score.ProblemOutcome;
import dev.trimtab.testbed.live.LiveProblemRunner;
import dev.trimtab.testbed.live.TestbedConfig;
import dev.trimtab.testbed.live.launch.Layout;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code eval --backend live}: plays each run on the live testbed instead of the simulator. One
 * testbed (state in {@code TestbedCommand.stateDir}) serves every problem of the suite that shares
 * its topology; it is torn down when the evaluation ends, also when it fails.
 */
final class LiveEvalBackend implements AutoCloseable {
  private final LiveProblemRunner runner;

  private LiveEvalBackend(LiveProblemRunner runner) {
    this.runner = runner;
  }

  /** Live runs go one at a time: the testbed is one cluster. */
  static int threads(CommandLine cl, Integer asked) {
    if (asked != null && asked != 1) {
      throw new ParameterException(
          cl, "--backend live runs one problem at a time; leave out --threads or give 1");
    }
    return 1;
  }

  static LiveEvalBackend start(Suite suite, CommandLine cl) {
    PrintWriter err = cl.getErr();
    TestbedConfig base =
        TestbedConfig.of(
            suite.problems().get(0).topology(),
            dev.trimtab.cli.testbed.TestbedCommand.stateDir(null));
    return new LiveEvalBackend(
        new LiveProblemRunner(
            base,
            Layout.find(),
            line -> {
              err.println("testbed: " + line);
              err.flush();
            }));
  }

  ProblemOutcome run(
      Problem problem, Controller controller, long seed, Detector detector, Localizer localizer) {
    return runner.run(problem, controller, seed, detector, localizer);
  }

  @Override
  public void close() {
    runner.close();
  }
}
