package dev.trimtab.rca.online;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.SpanSink;
import dev.trimtab.env.telemetry.SpanRecorder;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.score.Localizer;
import dev.trimtab.rca.model.RcaModel;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * The analyser as a contestant of the evaluation harness's localization problems: the harness sends
 * it the spans of a share of requests and asks for its ranking after each interval. It ranks each
 * interval's traces once the reference period (5-35 s) has passed; before that it ranks nothing.
 */
public final class RcaLocalizer implements Localizer {
  private final RcaModel model;
  private final double samplingRate;
  private SpanRecorder recorder = new SpanRecorder(2_000_000);
  private OnlineRca state;

  public RcaLocalizer(RcaModel model, double samplingRate) {
    this.model = model;
    this.samplingRate = samplingRate;
    this.state = OnlineRca.withDefaults(model);
  }

  @Override
  public String name() {
    return "rca-svm";
  }

  @Override
  public void reset(Topology topology) {
    recorder = new SpanRecorder(2_000_000);
    state = OnlineRca.withDefaults(model);
  }

  @Override
  public void observe(IntervalMetrics metrics) {
    for (SpanData s : recorder.drain()) {
      state.add(Spans.of(s));
    }
    state.endInterval(metrics.startMs() / 1000, metrics.endMs() / 1000, metrics);
  }

  @Override
  public List<String> ranking() {
    return state.ranking().services();
  }

  @Override
  public SpanSink spanSink() {
    return recorder;
  }

  @Override
  public double spanSamplingRate() {
    return samplingRate;
  }
}
