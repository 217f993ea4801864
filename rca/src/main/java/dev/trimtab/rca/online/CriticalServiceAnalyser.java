package dev.trimtab.rca.online;

import dev.trimtab.env.cluster.CriticalServiceSource;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.rca.model.RcaModel;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Set;

/**
 * FIRM's first half online: fills {@code ClusterEnv}'s critical flag each interval with the
 * services the SVM flags in that interval's traces. Pass it as the env config's critical source;
 * the env then traces {@link #samplingRate()} of requests and calls {@link #critical} after every
 * interval. The env calls {@link #reset} at the start of every episode.
 */
public final class CriticalServiceAnalyser implements CriticalServiceSource {
  private final RcaModel model;
  private final double samplingRate;
  private OnlineRca state;

  /**
   * @param samplingRate share of requests to trace; 0.5 as in training, lower for speed
   */
  public CriticalServiceAnalyser(RcaModel model, double samplingRate) {
    if (!(samplingRate > 0 && samplingRate <= 1)) {
      throw new IllegalArgumentException("samplingRate must be in (0, 1], got " + samplingRate);
    }
    this.model = model;
    this.samplingRate = samplingRate;
    reset();
  }

  /** Forgets the reference and the last ranking: a new episode. */
  @Override
  public void reset() {
    state = OnlineRca.withDefaults(model);
  }

  @Override
  public double samplingRate() {
    return samplingRate;
  }

  @Override
  public Set<String> critical(IntervalMetrics interval, List<SpanData> spans) {
    for (SpanData s : spans) {
      state.add(Spans.of(s));
    }
    return state
        .endInterval(interval.startMs() / 1000, interval.endMs() / 1000, interval)
        .critical();
  }

  /** The state, for its latest full ranking. */
  public OnlineRca state() {
    return state;
  }
}
