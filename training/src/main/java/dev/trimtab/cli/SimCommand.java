package dev.trimtab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code trimtab sim}: one simulated run, interval by interval, written to a run folder. */
@Command(
    name = "sim",
    sortOptions = false,
    description = {
      "Run the simulated cluster under a workload and write a run folder.",
      "Advances the simulation one control interval at a time and writes metrics.csv,"
          + " endpoints.csv, summary.json and config.json to the --out folder.",
      "The same inputs and seed give byte-identical files.",
      ""
    })
final class SimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RunOptions run;

  @Override
  public Integer call() throws IOException {
    SimRun.Plan plan = run.plan();
    Path dir = run.runFolder();
    SimRun.Result result = SimRun.execute(plan, run.config("sim", plan), dir, run.quiet);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(result.report());
    stdout.println("run files: " + dir);
    stdout.flush();
    return TrimtabCli.OK;
  }
}
