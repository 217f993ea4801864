package dev.trimtab.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr counting simulated seconds, or nothing when stderr is not a terminal
 * (the launcher tells the JVM through {@code -Dtrimtab.stderr.tty}) or when the user asked for
 * quiet output.
 */
public final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress start(String task, long totalSimulatedS, boolean quiet) {
    return start(task, totalSimulatedS, " sim-s", quiet);
  }

  /** A bar counting {@code total} items of {@code unit} (e.g. {@code " runs"}); thread-safe. */
  public static Progress start(String task, long total, String unit, boolean quiet) {
    if (quiet || !stderrIsTerminal()) {
      return new Progress(null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setUnit(unit, 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    return new Progress(bar);
  }

  private static boolean stderrIsTerminal() {
    String told = System.getProperty("trimtab.stderr.tty");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    return System.console() != null;
  }

  /** Moves the bar to {@code simulatedS} seconds done. */
  public void stepTo(long simulatedS) {
    if (bar != null) {
      bar.stepTo(simulatedS);
    }
  }

  /** Moves the bar {@code n} items on. */
  public void stepBy(long n) {
    if (bar != null && n > 0) {
      bar.stepBy(n);
    }
  }

  /** Moves the bar one item on. */
  public void step() {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
