package dev.trimtab.faults.spec;

/**
 * A flash crowd: the arrival rate climbs linearly from 1x to {@code peakMultiple} over {@code
 * rampUpS}, holds there, and falls back to 1x over {@code rampDownS}, ending at {@code startS +
 * durationS}. The simulated injector follows the curve in steps of {@code stepS} (each step holds
 * the curve's value at its midpoint).
 */
public record FlashCrowd(
    double startS,
    double durationS,
    double peakMultiple,
    double rampUpS,
    double rampDownS,
    double stepS)
    implements WorkloadFault {

  public FlashCrowd {
    Checks.timing(startS, durationS);
    Checks.above("peakMultiple", peakMultiple, 0);
    Checks.atLeast("rampUpS", rampUpS, 0);
    Checks.atLeast("rampDownS", rampDownS, 0);
    Checks.above("stepS", stepS, 0);
    if (rampUpS + rampDownS > durationS) {
      throw new FaultFieldException(
          "rampDownS",
          "plus rampUpS must not exceed durationS ("
              + Checks.num(durationS)
              + "), got "
              + Checks.num(rampUpS + rampDownS));
    }
  }

  /** Seconds at the peak. */
  public double holdS() {
    return durationS - rampUpS - rampDownS;
  }

  /** The rate multiple {@code sinceStartS} seconds after the start (1 outside the fault). */
  public double multipleAt(double sinceStartS) {
    if (sinceStartS < 0 || sinceStartS >= durationS) {
      return 1;
    }
    if (sinceStartS < rampUpS) {
      return 1 + (peakMultiple - 1) * sinceStartS / rampUpS;
    }
    double downStartS = durationS - rampDownS;
    if (sinceStartS < downStartS) {
      return peakMultiple;
    }
    return peakMultiple + (1 - peakMultiple) * (sinceStartS - downStartS) / rampDownS;
  }

  @Override
  public double intensity() {
    return peakMultiple;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.FLASH_CROWD;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
