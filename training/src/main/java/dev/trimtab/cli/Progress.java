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
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress start(String task, long totalSimulatedS, boolean quiet) {
    if (quiet || !stderrIsTerminal()) {
      return new Progress(null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(totalSimulatedS)
            .setUnit(" sim-s", 1)
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
  void stepTo(long simulatedS) {
    if (bar != null) {
      bar.stepTo(simulatedS);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
