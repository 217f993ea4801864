/**
 * The request-level discrete-event simulator of a cluster. {@link dev.trimtab.env.sim.Simulation}
 * advances one control interval at a time and reports per-service, per-interval metrics.
 */
package dev.trimtab.env.sim;
