package dev.trimtab.env.cluster;

/**
 * The reward's weights. Per agent i and interval:
 *
 * <pre>
 *   r_i = alpha * SM_i + (1 - alpha) * U_i - energyWeight * E_i / energyRefJ
 *                                          - carbonWeight * C_i / carbonRefG
 * </pre>
 *
 * where SM_i is the SLO maintenance ratio of the endpoints that use service i (1 when met, falling
 * as latency overshoots), U_i the mean of its CPU and memory utilisation (each clipped to 1), E_i
 * its energy and C_i its carbon in the interval. FIRM's form is the first two terms with alpha =
 * 0.5; the last two make the goal "SLOs met with the least resources, energy and carbon".
 */
public record RewardConfig(
    double alpha, double energyWeight, double energyRefJ, double carbonWeight, double carbonRefG) {

  /** FIRM's alpha 0.5, and small energy and carbon terms (per 1 kJ and per 1 g). */
  public static final RewardConfig DEFAULT = new RewardConfig(0.5, 0.05, 1000, 0.05, 1);

  public RewardConfig {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    if (energyWeight < 0 || carbonWeight < 0 || !(energyRefJ > 0) || !(carbonRefG > 0)) {
      throw new IllegalArgumentException("weights must be >= 0 and references > 0");
    }
  }
}
