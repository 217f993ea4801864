/**
 * The gym's world: topologies, workloads and the discrete-event simulated cluster.
 *
 * <p>Nothing in this module reads the wall clock or sleeps: simulated time is the only time.
 */
package dev.trimtab.env;
