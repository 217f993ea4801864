package dev.trimtab.rca.data;

/**
 * Hears how far a slow load has come: simulated runs done, dataset windows read. A command line
 * draws a bar from it; libraries pass {@link #NONE}. Calls may come from several threads.
 */
public interface LoadProgress {
  /** {@code units} more units of work are coming (may be called more than once). */
  void expect(long units);

  /** One unit is done. */
  void step();

  /** Hears nothing. */
  LoadProgress NONE =
      new LoadProgress() {
        @Override
        public void expect(long units) {}

        @Override
        public void step() {}
      };
}
