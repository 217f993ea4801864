package dev.trimtab.cli.rca;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab rca}: the root-cause analyser (docs/rca.md). */
@Command(
    name = "rca",
    description = {
      "Root-cause analysis: rank the services that cause latency, from traces (docs/rca.md).",
      ""
    },
    subcommands = {RcaTrainCommand.class, RcaEvalCommand.class, RcaLocalizeCommand.class})
public final class RcaCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: train, eval or localize");
  }
}
