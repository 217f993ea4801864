package dev.trimtab.cli.testbed;

import dev.trimtab.testbed.live.launch.Teardown;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trimtab testbed down}. */
@Command(
    name = "down",
    description = {
      "Tear the testbed down: reset assaults, kill every recorded process (checking pid and"
          + " start time), remove its cgroups and its state. Works after the launcher was killed.",
      ""
    })
final class DownCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TestbedCommand.StateOption state;

  @Override
  public Integer call() {
    Teardown.Report report = Teardown.run(state.dir());
    PrintWriter out = spec.commandLine().getOut();
    out.println(report.describe());
    out.flush();
    return report.problems().isEmpty() ? TestbedCommand.OK : TestbedCommand.RUN_FAILED;
  }
}
