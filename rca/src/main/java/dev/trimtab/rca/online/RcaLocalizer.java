package dev.trimtab.rca.online;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.SpanSink;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.rca.model.RcaModel;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * The analyser as a contestant of the evaluation harness's localization problems. Its methods are
 * those of the harness's {@code Localizer} (module fault-injector, package {@code score}); it will
 * declare {@code implements Localizer} once that interface is on main. Ranks each interval's traces
 * once the reference period (5-35 s) has passed; before that it ranks nothing.
 */
public final class RcaLocalizer {
  private final RcaModel model;
  private final double samplingRate;
  private SpanRecorder recorder = new SpanRecorder(2_000_000);
  private OnlineRca state;

  public RcaLocalizer(RcaModel model, double samplingRate) {
    this.model = model;
    this.samplingRate = samplingRate;
    this.state = OnlineRca.withDefaults(model);
  }

  public String name() {
    return "rca-svm";
  }

  public void reset(Topology topology) {
    recorder = new SpanRecorder(2_000_000);
    state = OnlineRca.withDefaults(model);
  }

  public void observe(IntervalMetrics metrics) {
    for (SpanData s : recorder.drain()) {
      state.add(Spans.of(s));
    }
    state.endInterval(metrics.startMs() / 1000, metrics.endMs() / 1000);
  }

  public List<String> ranking() {
    return state.ranking().services();
  }

  public SpanSink spanSink() {
    return recorder;
  }

  public double spanSamplingRate() {
    return samplingRate;
  }
}
