package dev.trimtab.faults.spec;

import java.util.Map;

/**
 * The workload is swapped for another trace (a different day, tenant or application). The current
 * hooks cannot replace the arrival process itself, so the simulated injector approximates the swap
 * by its first moments: the rate is scaled by {@code rateMultiple} and, when {@code mix} is not
 * empty, the request mix is replaced. The original trace's shape (burstiness, diurnal pattern,
 * token lengths) is kept; {@code trace} names what the swap stands for, for reports.
 */
public record TraceSwap(
    double startS, double durationS, String trace, double rateMultiple, Map<String, Double> mix)
    implements WorkloadFault {

  public TraceSwap {
    Checks.timing(startS, durationS);
    Checks.service("trace", trace);
    Checks.above("rateMultiple", rateMultiple, 0);
    mix = MixShift.Weights.check("mix", mix == null ? Map.of() : mix, true);
  }

  @Override
  public double intensity() {
    return rateMultiple;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.TRACE_SWAP;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
