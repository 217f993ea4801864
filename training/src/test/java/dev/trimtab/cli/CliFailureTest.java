package dev.trimtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.concurrent.InOrder;
import dev.trimtab.env.io.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Real failures (status 1) are one line too: out of memory, I/O errors in words. */
class CliFailureTest {
  @TempDir static Path dir;

  /** Starts a file, then the heap runs out, on the main thread or a worker's. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @CommandLine.Option(names = "--worker")
    boolean worker;

    @Override
    public Integer call() throws IOException {
      try (AtomicFile file = AtomicFile.create(dir.resolve("metrics.csv"))) {
        file.writer().write("time_s,service\n");
        if (worker) {
          Callable<Integer> task =
              () -> {
                throw new OutOfMemoryError("Java heap space");
              };
          InOrder.run(List.of(task), 1, "test-worker");
        }
        throw new OutOfMemoryError("Java heap space");
      }
    }
  }

  @Command(name = "denied")
  static final class Denied implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new UncheckedIOException(
          "cannot write the run", new AccessDeniedException("/runs/x/metrics.csv"));
    }
  }

  private static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new TrimtabCli());
    cl.addSubcommand("boom", new Boom());
    cl.addSubcommand("denied", new Denied());
    TrimtabCli.configure(cl, new PrintWriter(out), new PrintWriter(err));
    return new Cli(TrimtabCli.execute(cl, args), out.toString(), err.toString());
  }

  private static List<Path> hidden() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  @Test
  void outOfMemoryIsOneLineSayingWhatToDoAndLeavesNoPartialFile() throws IOException {
    for (String[] args : List.of(new String[] {"boom"}, new String[] {"boom", "--worker"})) {
      Cli cli = run(args);
      assertEquals(1, cli.status(), cli.err());
      assertEquals(1, cli.err().lines().count(), cli.err());
      assertTrue(
          cli.err().startsWith("trimtab: out of memory (Java heap space; this JVM may use "));
      assertTrue(cli.err().contains("TRIMTAB_JAVA_OPTS=-Xmx"), cli.err());
      assertTrue(cli.err().contains("a shorter --duration"), cli.err());
      assertFalse(cli.err().contains("\tat "), "no stack trace");
      assertEquals(List.of(), hidden(), "the unfinished file is removed");
      assertFalse(Files.exists(dir.resolve("metrics.csv")));
    }
    assertTrue(run("boom", "--debug").err().contains("\tat "), "--debug shows the trace");
  }

  @Test
  void anIoErrorSaysWhichFileAndWhyInWords() {
    Cli cli = run("denied");
    assertEquals(1, cli.status());
    assertEquals(
        "trimtab: cannot write the run: /runs/x/metrics.csv: permission denied (run again with"
            + " --debug for the stack trace)\n",
        cli.err());
  }

  @Test
  void messagesShowNoControlCharactersAndStayShort() {
    assertEquals("a?b c", TrimtabCli.printable("a\u0000b\nc"));
    assertEquals("x?", TrimtabCli.printable("x\uFFFD"));
    String long_ = "y".repeat(5000);
    assertEquals(1003, TrimtabCli.printable(long_).length());
  }
}
