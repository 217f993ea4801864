package dev.trimtab.agents.baselines;

/** CPU quantities as Kubernetes holds them: whole millicores. */
final class Millicores {
  private Millicores() {}

  /** {@code cores} to the nearest millicore. */
  static double round(double cores) {
    return Math.round(cores * 1000) / 1000.0;
  }

  /** {@code cores} truncated to whole millicores, as the VPA converts its float estimates. */
  static double floor(double cores) {
    return Math.floor(cores * 1000 + 1e-9) / 1000.0;
  }
}
