package dev.trimtab.cli.rca;

import dev.trimtab.cli.Progress;
import dev.trimtab.rca.data.LoadProgress;

/**
 * A {@link LoadProgress} drawn as a {@link Progress} bar on stderr (nothing when stderr is not a
 * terminal or with {@code --quiet}). The bar is made at the first step, when every expected unit
 * has been announced; thread-safe.
 */
final class BarProgress implements LoadProgress, AutoCloseable {
  private final String task;
  private final String unit;
  private final boolean quiet;
  private long expected;
  private Progress bar;

  BarProgress(String task, String unit, boolean quiet) {
    this.task = task;
    this.unit = unit;
    this.quiet = quiet;
  }

  @Override
  public synchronized void expect(long units) {
    expected += units;
  }

  @Override
  public synchronized void step() {
    if (bar == null) {
      bar = Progress.start(task, Math.max(1, expected), unit, quiet);
    }
    bar.step();
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
