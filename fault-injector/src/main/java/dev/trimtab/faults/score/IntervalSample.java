package dev.trimtab.faults.score;

import java.util.List;

/**
 * What the scorers and plots keep of one control interval of a problem run.
 *
 * @param startS interval start, simulated seconds
 * @param endS interval end
 * @param sloViolated whether any endpoint missed its SLO in the interval
 * @param p99Ms end-to-end p99 of requests completed in the interval (0 when none)
 * @param cpuCoresAllocated sum over services of CPU limit times replicas asked for, at the end of
 *     the interval (before the controller acts)
 * @param replicas replicas asked for, summed over services
 * @param memoryMiBAllocated sum over services of memory limit times replicas asked for
 * @param alarm whether the detector's alarm was up after this interval
 * @param topSuspects the localizer's three most suspect services after this interval
 */
public record IntervalSample(
    double startS,
    double endS,
    boolean sloViolated,
    double p99Ms,
    double cpuCoresAllocated,
    int replicas,
    double memoryMiBAllocated,
    boolean alarm,
    List<String> topSuspects) {

  public IntervalSample {
    topSuspects = List.copyOf(topSuspects);
  }

  public double lengthS() {
    return endS - startS;
  }
}
