package dev.trimtab.faults.spec;

import java.util.Map;
import java.util.TreeMap;

/**
 * The request mix changes: while the fault lasts, endpoints are chosen with these relative {@code
 * weights} (endpoint name to weight; endpoints left out get none).
 */
public record MixShift(double startS, double durationS, Map<String, Double> weights)
    implements WorkloadFault {

  public MixShift {
    Checks.timing(startS, durationS);
    weights = Weights.check("weights", weights, false);
  }

  @Override
  public double intensity() {
    return 1;
  }

  @Override
  public FaultKind kind() {
    return FaultKind.MIX_SHIFT;
  }

  @Override
  public <R> R accept(FaultVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /** Validation of endpoint weight maps, shared with {@link TraceSwap}. */
  static final class Weights {
    private Weights() {}

    static Map<String, Double> check(
        String field, Map<String, Double> weights, boolean mayBeEmpty) {
      Checks.present(field, weights);
      if (weights.isEmpty() && !mayBeEmpty) {
        throw new FaultFieldException(field, "must give at least one endpoint weight");
      }
      double sum = 0;
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        Checks.service(field, e.getKey());
        Double w = e.getValue();
        Checks.atLeast(field + "." + e.getKey(), w == null ? Double.NaN : w, 0);
        sum += w;
      }
      if (!weights.isEmpty() && !(sum > 0)) {
        throw new FaultFieldException(field, "must have a positive total weight");
      }
      return Map.copyOf(new TreeMap<>(weights));
    }
  }
}
