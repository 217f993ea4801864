package dev.trimtab.env.sim;

/**
 * A change to the simulated cluster that lasts until it is removed: contention, network trouble,
 * errors, a hang, a leak, a workload shift. Faults are made of these.
 *
 * <p>Removing a perturbation restores exactly the behaviour the cluster would have without it:
 * effective parameters are recomputed from the perturbations still active, never undone by
 * division.
 */
public interface Perturbation {

  /** One line for humans and ground-truth records, e.g. {@code "cpu-contention db x0.5"}. */
  String describe();

  /** Whether it still applies. */
  boolean active();

  /** Ends it at the current simulated time; a second call does nothing. */
  void remove();
}
