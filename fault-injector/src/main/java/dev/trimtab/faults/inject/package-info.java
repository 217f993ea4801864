/**
 * The simulated injector: applies a campaign to a {@link dev.trimtab.env.sim.Simulation} through
 * its perturbation hooks at exact simulated times, records the ground truth of what it injected,
 * and removes every fault at its end and when the run ends or fails.
 */
package dev.trimtab.faults.inject;
