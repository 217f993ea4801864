package dev.trimtab.faults.problem;

import dev.trimtab.env.topology.Slo;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.workload.Workload;
import dev.trimtab.faults.campaign.Campaign;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One problem of a suite, bound and checked: its campaign fits its topology, its faults end within
 * its duration, and its task can be scored (localization needs a fault on a service).
 *
 * @param name unique within its suite; names runs and report sections
 * @param source where it came from, for messages ({@code bundled:chaos-basic/x.yaml} or a path)
 * @param topologyRef the topology as written (a bundled name or a relative path)
 * @param topology the topology with {@code sloOverrides} applied
 * @param workloadRef the workload as written (a one-line spec or a relative path)
 * @param campaign the faults; random target picks are drawn from the run's seed
 * @param durationS simulated seconds each run lasts
 * @param intervalS control interval: metrics, controller, detector and localizer step this often
 * @param sloOverrides SLOs replaced, by endpoint, in file order
 */
public record Problem(
    String name,
    String description,
    String source,
    String topologyRef,
    Topology topology,
    String workloadRef,
    Workload workload,
    Campaign campaign,
    TaskKind task,
    double durationS,
    double intervalS,
    Map<String, Slo> sloOverrides) {

  public Problem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(task, "task");
    description = description == null ? "" : description;
    sloOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(sloOverrides));
    if (!(durationS > 0) || !(intervalS > 0) || intervalS > durationS) {
      throw new IllegalArgumentException("need 0 < intervalS <= durationS");
    }
  }

  /** Number of control intervals in a run (the last one may be shorter). */
  public int intervals() {
    return (int) Math.ceil(durationS / intervalS - 1e-9);
  }
}
