package dev.trimtab.cli;

import dev.trimtab.cli.output.IoErrors;
import dev.trimtab.env.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
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
 * line, {@code trimtab: <message>}, on stderr, also when the JVM runs out of memory; {@code
 * --debug} adds the stack trace.
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
    PrintWriter err = new PrintWriter(System.err, true);
    // a background thread's failure is one line too, and ends the run (partial files removed)
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof OutOfMemoryError oom) {
            System.exit(outOfMemory(err, oom, Arrays.asList(args).contains("--debug")));
          }
          err.println(
              "trimtab: " + printable(e.toString()) + " (in thread " + thread.getName() + ")");
          System.exit(RUN_FAILED);
        });
    System.exit(execute(new PrintWriter(System.out, true), err, args));
  }

  /**
   * Runs the command line {@code args}, writing to {@code out} and {@code err}; the exit status.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(commandLine(out, err), args);
  }

  /** Runs {@code args} on {@code cl}; an {@link OutOfMemoryError} becomes one line and status 1. */
  static int execute(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return outOfMemory(cl.getErr(), e, Arrays.asList(args).contains("--debug"));
    }
  }

  /** The configured command line, for tests and embedding. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(new TrimtabCli()), out, err);
  }

  /** Sets {@code cl}'s streams and error handlers, on the subcommands it has now. */
  static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(TrimtabCli::badUsage);
    cl.setExecutionExceptionHandler(TrimtabCli::failed);
    return cl;
  }

  private static int badUsage(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(
        "trimtab: "
            + printable(e.getMessage())
            + " (see '"
            + cl.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return BAD_INPUT;
  }

  private static int failed(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (e instanceof ParameterException p) {
      return badUsage(p, new String[0]);
    }
    boolean debug = debugRequested(parsed);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError oom) {
        return outOfMemory(err, oom, debug);
      }
    }
    boolean badInput = e instanceof ConfigException || e instanceof BadInput;
    String message = e.getMessage();
    IOException io = badInput ? null : IoErrors.find(e);
    if (io != null) {
      String cause = IoErrors.describe(io);
      message =
          e == io || message == null || message.equals(io.toString())
              ? cause
              : message + ": " + cause;
    } else if (!badInput || message == null || message.isBlank()) {
      message = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
    err.println(
        "trimtab: "
            + printable(message)
            + (badInput || debug ? "" : " (run again with --debug for the stack trace)"));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return badInput ? BAD_INPUT : RUN_FAILED;
  }

  private static int outOfMemory(PrintWriter err, OutOfMemoryError e, boolean debug) {
    long maxGiB = Math.max(1, Runtime.getRuntime().maxMemory() >> 30);
    err.println(
        "trimtab: out of memory ("
            + printable(e.getMessage())
            + "; this JVM may use "
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MiB): give Java more with TRIMTAB_JAVA_OPTS=-Xmx"
            + 2 * maxGiB
            + "g, or ask for less (a shorter --duration, a lower rate, fewer --threads)");
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return RUN_FAILED;
  }

  /**
   * {@code message} fit for a terminal line: control and replacement characters (from a binary
   * file) shown as '?', line breaks as spaces, and at most {@value #MAX_MESSAGE_CHARS} characters.
   */
  static String printable(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_MESSAGE_CHARS + 3));
    for (int i = 0; i < message.length() && out.length() < MAX_MESSAGE_CHARS; i++) {
      char c = message.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c) || c == '\uFFFD') {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    if (message.length() > MAX_MESSAGE_CHARS) {
      out.append("...");
    }
    return out.toString();
  }

  private static final int MAX_MESSAGE_CHARS = 1000;

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
