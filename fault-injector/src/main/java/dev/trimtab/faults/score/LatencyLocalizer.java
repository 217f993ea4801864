package dev.trimtab.faults.score;

import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.env.sim.ServiceMetrics;
import dev.trimtab.env.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in localizer, a baseline for RCA contestants to beat: each service's suspicion is its
 * p99 response time over its own calm-time p99 (the mean over intervals in which every SLO held),
 * plus twice the share of its calls that did not complete, plus the share that failed, plus five
 * times how far its working set exceeds its memory limit. Services rank by suspicion, ties in
 * topology order.
 *
 * <p>Why a ratio: a slow service slows its callers by the same absolute amount, and its own calm
 * p99 is the smaller, so its ratio is the larger. Known blind spots: network faults delay calls
 * before they reach the target, so they show on its callers; errors propagate to callers.
 */
public final class LatencyLocalizer implements Localizer {
  private List<String> services = List.of();
  private double[] calmP99Ms = new double[0];
  private int[] calmSamples = new int[0];
  private double[] suspicion = new double[0];

  @Override
  public String name() {
    return "p99-ratio";
  }

  @Override
  public void reset(Topology topology) {
    services = topology.services().stream().map(s -> s.name()).toList();
    calmP99Ms = new double[services.size()];
    calmSamples = new int[services.size()];
    suspicion = new double[services.size()];
  }

  @Override
  public void observe(IntervalMetrics metrics) {
    boolean calm = !metrics.sloViolated();
    List<ServiceMetrics> ms = metrics.services();
    for (int i = 0; i < ms.size() && i < suspicion.length; i++) {
      ServiceMetrics s = ms.get(i);
      suspicion[i] = suspicion(s, calmSamples[i] > 0 ? calmP99Ms[i] : 0);
      if (calm && s.completed() > 0) {
        calmP99Ms[i] += (s.p99Ms() - calmP99Ms[i]) / ++calmSamples[i];
      }
    }
  }

  static double suspicion(ServiceMetrics s, double calmP99Ms) {
    double ratio = calmP99Ms > 0 && s.completed() > 0 ? s.p99Ms() / calmP99Ms : 1;
    double arrivals = Math.max(1, s.arrivals());
    double stuck = s.arrivals() > 0 ? Math.max(0, 1 - s.completed() / arrivals) : 0;
    double failed = (s.errors() + s.dropped()) / arrivals;
    double memory = Math.max(0, s.memoryUtilisation() - 1);
    return ratio + 2 * stuck + failed + 5 * memory;
  }

  @Override
  public List<String> ranking() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -suspicion[i]).thenComparingInt(i -> i));
    return order.stream().map(services::get).toList();
  }
}
