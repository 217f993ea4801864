package dev.trimtab.cli;

import dev.trimtab.env.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code trimtab} command. Adding a subcommand is one class annotated with {@link Command},
 * named in {@code subcommands} below.
 *
 * <p>Exit status: 0 success, 1 the run failed, 2 bad usage or a bad input file. Errors print one
 * line, {@code trimtab: <message>}, on stderr; {@code --debug} adds the stack trace.
 */
@Command(
    name = "trimtab",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionInfo.class,
    description = {
      "Trimtab: a reinforcement-learning resource manager for microservices, and the simulated"
          + " cluster it trains in.",
      ""
    },
    subcommands = {
      SimCommand.class,
      BenchCommand.class,
      InjectCommand.class,
      ProblemsCommand.class,
      EvalCommand.class,
      dev.trimtab.cli.rca.RcaCommand.class,
      dev.trimtab.cli.testbed.TestbedCommand.class,
      HelpCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:the run failed", "2:bad usage or a bad input file"})
public final class TrimtabCli implements Runnable {
  static final int OK = 0;
  static final int RUN_FAILED = 1;
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  boolean debug;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command");
  }

  public static void main(String[] args) {
    System.exit(
        execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line {@code args}, writing to {@code out} and {@code err}; the exit status.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return commandLine(out, err).execute(args);
  }

  /** The configured command line, for tests and embedding. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new TrimtabCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(TrimtabCli::badUsage);
    cl.setExecutionExceptionHandler(TrimtabCli::failed);
    return cl;
  }

  private static int badUsage(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("trimtab: " + e.getMessage());
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return BAD_INPUT;
  }

  private static int failed(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof ParameterException p) {
      return badUsage(p, new String[0]);
    }
    boolean badInput = e instanceof ConfigException;
    String message = e.getMessage();
    if (!badInput || message == null || message.isBlank()) {
      message = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
    err.println("trimtab: " + message);
    if (debugRequested(parsed)) {
      e.printStackTrace(err);
    } else if (!badInput) {
      err.println("(run again with --debug for the stack trace)");
    }
    err.flush();
    return badInput ? BAD_INPUT : RUN_FAILED;
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
