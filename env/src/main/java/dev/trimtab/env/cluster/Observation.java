package dev.trimtab.env.cluster;

import dev.trimtab.env.space.Box;

/**
 * The components of one service's observation, their order and their scale. Every component is
 * bounded, so that the observation space is a finite {@link Box} and networks see inputs of similar
 * size without further normalisation.
 *
 * <table>
 *   <caption>Observation components</caption>
 *   <tr><th>index</th><th>component</th><th>scale</th></tr>
 *   <tr><td>0</td><td>CPU used over CPU allowed by the limits</td><td>[0, 1]</td></tr>
 *   <tr><td>1</td><td>memory working set over limit</td><td>[0, 2], clipped</td></tr>
 *   <tr><td>2</td><td>GPU busy time over GPU time held (0 on CPU services)</td><td>[0, 1]</td></tr>
 *   <tr><td>3</td><td>SLO maintenance ratio of the endpoints that reach it</td><td>[0, 1]</td></tr>
 *   <tr><td>4</td><td>workload change: arrivals now over the previous interval's</td>
 *       <td>[0, 4], clipped; 1 on the first step</td></tr>
 *   <tr><td>5</td><td>request mix: share of the interval's requests whose endpoint reaches the
 *       service</td><td>[0, 1]</td></tr>
 *   <tr><td>6</td><td>replicas over the bounds' maximum</td><td>[0, 1]</td></tr>
 *   <tr><td>7</td><td>CPU limit over the bounds' maximum</td><td>[0, 1]</td></tr>
 *   <tr><td>8</td><td>memory limit over the bounds' maximum</td><td>[0, 1]</td></tr>
 *   <tr><td>9</td><td>GPU clock over the top clock (0 on CPU services)</td><td>[0, 1]</td></tr>
 *   <tr><td>10</td><td>power in units of 100 W</td><td>[0, 10], clipped</td></tr>
 *   <tr><td>11</td><td>grid carbon intensity in units of 1000 gCO2/kWh</td><td>[0, 2], clipped</td></tr>
 *   <tr><td>12</td><td>p99 latency of its calls over the tightest SLO bound it serves</td>
 *       <td>[0, 10], clipped</td></tr>
 *   <tr><td>13</td><td>critical flag from root-cause analysis</td><td>0 or 1</td></tr>
 * </table>
 */
public final class Observation {
  public static final int CPU_UTILISATION = 0;
  public static final int MEMORY_UTILISATION = 1;
  public static final int GPU_UTILISATION = 2;
  public static final int SLO_MAINTENANCE = 3;
  public static final int WORKLOAD_CHANGE = 4;
  public static final int REQUEST_MIX = 5;
  public static final int REPLICAS = 6;
  public static final int CPU_LIMIT = 7;
  public static final int MEMORY_LIMIT = 8;
  public static final int GPU_FREQUENCY = 9;
  public static final int POWER = 10;
  public static final int CARBON_INTENSITY = 11;
  public static final int LATENCY_OVER_SLO = 12;
  public static final int CRITICAL = 13;

  /** Components per service. */
  public static final int SIZE = 14;

  static final double[] HIGH = {1, 2, 1, 1, 4, 1, 1, 1, 1, 1, 10, 2, 10, 1};

  /** Watts per unit of {@link #POWER}. */
  public static final double POWER_UNIT_W = 100;

  /** gCO2/kWh per unit of {@link #CARBON_INTENSITY}. */
  public static final double CARBON_UNIT_G_PER_KWH = 1000;

  private Observation() {}

  /** The space every service's observation lies in. */
  public static Box space() {
    return new Box(new double[SIZE], HIGH.clone());
  }

  static double clip(int component, double value) {
    if (Double.isNaN(value)) {
      return 0;
    }
    return Math.max(0, Math.min(HIGH[component], value));
  }
}
