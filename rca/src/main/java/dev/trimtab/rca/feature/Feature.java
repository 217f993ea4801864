package dev.trimtab.rca.feature;

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
  PRESENCE_CHANGE("presence_change");

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
    boolean sparse = ref.onPath() < MIN_REFERENCE_TRACES;
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
    };
  }

  private static double logRatio(double now, double ref) {
    return Math.log((now + EPSILON_MS) / (ref + EPSILON_MS));
  }

  private static double rate(int k, int n) {
    return n == 0 ? 0 : (double) k / n;
  }
}
