package dev.trimtab.rca.feature;

import dev.trimtab.rca.telemetry.LogCounts;
import dev.trimtab.rca.telemetry.ServiceSignals;
import dev.trimtab.rca.telemetry.WindowSignals;
import java.util.Arrays;
import java.util.List;

/**
 * The features a service gets in a window. FIRM's two come first; the others compare the window
 * with a fault-free reference window ({@code ref}) and were kept because they measurably help (the
 * ablation table in {@code docs/rca.md}). Log ratios use {@link #EPSILON_MS} so that absent and
 * tiny values stay finite.
 */
public enum Feature {
  /** FIRM's RI (see {@link ServiceStats#ri}). */
  RI("ri"),
  /** FIRM's CI (see {@link ServiceStats#ci}), as log(CI). */
  CI("ci"),
  /** log((self + e) / (ref self + e)): the service itself got slower. */
  SELF_CHANGE("self_change"),
  /** log((inbound + e) / (ref inbound + e)): calls into it got slower on the way. */
  INBOUND_CHANGE("inbound_change"),
  /** Its share of the critical path now, minus the reference's. */
  SHARE_CHANGE("share_change"),
  /** Share of its traces in which an error started at it, minus the reference's. */
  ERROR_ORIGIN("error_origin"),
  /** log((traces with it + 1) / (expected from the reference + 1)): it vanished or multiplied. */
  PRESENCE_CHANGE("presence_change"),
  /**
   * log((hop + e) / (ref hop + e)) of calls into it: the time they spent outside it, seen from the
   * caller's side (network delay, bandwidth) against its own side.
   */
  HOP_CHANGE("hop_change"),
  /**
   * |log((response + e) / (ref response + e))| of its response time measured at the service: any
   * change, slower (saturation) or faster (a call that now returns early or fails fast).
   */
  RESPONSE_SHIFT("response_shift"),
  /** |log((calls out per call + 0.1) / (ref + 0.1))|: it stopped (or started) calling others. */
  FANOUT_SHIFT("fanout_shift"),
  /** log((CPU + 0.01) / (ref CPU + 0.01)) from metrics: CPU saturation or contention. */
  CPU_CHANGE("cpu_change"),
  /** log((memory + 0.01) / (ref memory + 0.01)) from metrics: a leak or pressure. */
  MEMORY_CHANGE("memory_change"),
  /** Reference success rate minus now's, from metrics: it started failing calls. */
  SUCCESS_DROP("success_drop"),
  /**
   * Change of log((client-side latency + 1 ms) / (server-side latency + 1 ms)) from metrics: its
   * callers wait longer than it works (network trouble on its side).
   */
  CLIENT_GAP_CHANGE("client_gap_change"),
  /** log((error lines per minute + 1) / (ref's + 1)) from logs. */
  ERROR_LOG_CHANGE("error_log_change"),
  /**
   * Share of its log lines in the window whose template (Drain) it never logged in the reference:
   * new kinds of messages, whatever their level.
   */
  NEW_LOG_TEMPLATES("new_log_templates");

  public static final double EPSILON_MS = 0.1;

  /**
   * A service on the critical path of fewer reference traces than this has no trustworthy
   * reference: its self, inbound and share changes are 0 (no evidence), not a ratio against
   * nothing, and its error origins are compared with none. Real references can be short (the Nezha
   * baseline minute holds 71 traces) and miss rare services.
   */
  public static final int MIN_REFERENCE_TRACES = 3;

  private final String id;

  Feature(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static List<Feature> all() {
    return Arrays.asList(values());
  }

  /** The feature named {@code id}, or null. */
  public static Feature fromId(String id) {
    for (Feature f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    return null;
  }

  /** This feature of a service, from its window and reference statistics. */
  public double value(
      ServiceStats now, WindowStats window, ServiceStats ref, WindowStats refWindow) {
    return value(null, now, window, ref, refWindow);
  }

  /** As above; {@code service} names it for the features that read metrics and logs. */
  public double value(
      String service,
      ServiceStats now,
      WindowStats window,
      ServiceStats ref,
      WindowStats refWindow) {
    boolean sparse = ref.onPath() < MIN_REFERENCE_TRACES;
    boolean fewCalls = ref.entrySpans() < MIN_REFERENCE_TRACES || now.entrySpans() == 0;
    return switch (this) {
      case RI -> now.ri();
      case CI -> Math.log(now.ci());
      case SELF_CHANGE -> sparse ? 0 : logRatio(now.meanSelfMs(), ref.meanSelfMs());
      case INBOUND_CHANGE -> sparse ? 0 : logRatio(now.meanInboundMs(), ref.meanInboundMs());
      case SHARE_CHANGE -> sparse ? 0 : now.pathShare() - ref.pathShare();
      case ERROR_ORIGIN ->
          rate(now.errorOrigins(), now.traces())
              - (ref.traces() < MIN_REFERENCE_TRACES ? 0 : rate(ref.errorOrigins(), ref.traces()));
      case PRESENCE_CHANGE -> {
        double expected =
            refWindow.traces() > 0
                ? (double) ref.traces() * window.traces() / refWindow.traces()
                : 0;
        yield Math.log((now.traces() + 1) / (expected + 1));
      }
      case HOP_CHANGE -> fewCalls ? 0 : logRatio(now.meanHopMs(), ref.meanHopMs());
      case RESPONSE_SHIFT ->
          fewCalls ? 0 : Math.abs(logRatio(now.meanEntryMs(), ref.meanEntryMs()));
      case FANOUT_SHIFT ->
          fewCalls
              ? 0
              : Math.abs(Math.log((now.callsOutPerEntry() + 0.1) / (ref.callsOutPerEntry() + 0.1)));
      default -> service == null ? 0 : signals(this, service, window, refWindow);
    };
  }

  /**
   * The least spread, in the feature's own units, that {@link WindowFeatures#relative} divides by:
   * 0.2 for log ratios (a 20% change), 0.02 for shares and rates, 0.1 for RI. Without it a feature
   * that barely moves in a window (memory, fan-out) turns its noise into the window's largest
   * deviations.
   */
  public double relativeFloor() {
    return switch (this) {
      case SHARE_CHANGE, ERROR_ORIGIN, SUCCESS_DROP, NEW_LOG_TEMPLATES -> 0.02;
      case RI -> 0.1;
      default -> 0.2;
    };
  }

  /** Whether this feature reads metrics or logs rather than traces. */
  public boolean needsSignals() {
    return ordinal() >= CPU_CHANGE.ordinal();
  }

  private static double signals(Feature f, String service, WindowStats w, WindowStats r) {
    WindowSignals a = w.signals();
    WindowSignals b = r.signals();
    ServiceSignals now = a.of(service);
    ServiceSignals ref = b.of(service);
    double v =
        switch (f) {
          case CPU_CHANGE -> Math.log((now.cpu() + 0.01) / (ref.cpu() + 0.01));
          case MEMORY_CHANGE -> Math.log((now.memory() + 0.01) / (ref.memory() + 0.01));
          case SUCCESS_DROP -> ref.successRate() - now.successRate();
          case CLIENT_GAP_CHANGE ->
              Math.log((now.clientLatencyS() + 1e-3) / (now.serverLatencyS() + 1e-3))
                  - Math.log((ref.clientLatencyS() + 1e-3) / (ref.serverLatencyS() + 1e-3));
          case ERROR_LOG_CHANGE ->
              a.hasLogs() && b.hasLogs() && a.durationS() > 0 && b.durationS() > 0
                  ? Math.log(
                      (now.logs().errors() * 60 / a.durationS() + 1)
                          / (ref.logs().errors() * 60 / b.durationS() + 1))
                  : 0;
          case NEW_LOG_TEMPLATES ->
              newTemplates(now.logs(), ref.logs(), a.hasLogs() && b.hasLogs());
          default -> throw new IllegalStateException(f.id());
        };
    return Double.isFinite(v) ? v : 0;
  }

  /** At least this many reference lines make a service's templates known. */
  public static final int MIN_REFERENCE_LOG_LINES = 10;

  private static double newTemplates(LogCounts now, LogCounts ref, boolean both) {
    if (!both || now.lines() == 0 || ref.lines() < MIN_REFERENCE_LOG_LINES) {
      return 0;
    }
    int fresh = 0;
    for (var e : now.templates().entrySet()) {
      if (!ref.templates().containsKey(e.getKey())) {
        fresh += e.getValue();
      }
    }
    return (double) fresh / now.lines();
  }

  private static double logRatio(double now, double ref) {
    return Math.log((now + EPSILON_MS) / (ref + EPSILON_MS));
  }

  private static double rate(int k, int n) {
    return n == 0 ? 0 : (double) k / n;
  }
}
