package dev.trimtab.cli.testbed;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trimtab testbed status}. */
@Command(
    name = "status",
    description = {"Each recorded replica: process, health, Chaos Monkey, cgroup limits.", ""})
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TestbedCommand.StateOption state;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(TestbedCommand.replicaTable(state.dir()));
    out.flush();
    return TestbedCommand.OK;
  }
}
