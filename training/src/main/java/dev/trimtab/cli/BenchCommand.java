package dev.trimtab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trimtab bench}: the group of benchmarks. */
@Command(
    name = "bench",
    description = {
      "Benchmarks (not tests): how fast Trimtab runs on this machine.",
      "Each prints one JSON line per measurement; nothing passes or fails.",
      ""
    },
    subcommands = {
      BenchSimCommand.class,
      BenchEnvCommand.class,
      dev.trimtab.cli.rca.BenchRcaCommand.class
    })
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a benchmark, e.g. 'bench sim'");
  }
}
