package dev.trimtab.env.cluster;

import dev.trimtab.env.sim.IntervalMetrics;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Set;

/**
 * Fills the observation's critical flag each interval: FIRM's root-cause analyser (module {@code
 * rca}) implements it from the interval's traces, so agents know which services to act on.
 */
public interface CriticalServiceSource {

  /** Share of requests to trace for {@link #critical} (head sampling); 0 when it needs no spans. */
  double samplingRate();

  /**
   * The services to flag critical after an interval, from its metrics and the spans of the sampled
   * requests that ended in it.
   */
  Set<String> critical(IntervalMetrics interval, List<SpanData> spans);

  /**
   * Forgets what earlier intervals taught it; the env calls this at the start of every episode, so
   * a source that keeps history (a reference window, a baseline) never carries it across episodes.
   */
  default void reset() {}

  /** Flags nothing. */
  CriticalServiceSource NONE =
      new CriticalServiceSource() {
        @Override
        public double samplingRate() {
          return 0;
        }

        @Override
        public Set<String> critical(IntervalMetrics interval, List<SpanData> spans) {
          return Set.of();
        }
      };
}
