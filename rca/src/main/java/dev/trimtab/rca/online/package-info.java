/**
 * The analyser run online, once per control interval: it learns a fault-free reference from the
 * first intervals, then ranks each interval's services and flags the critical ones. Plugs into
 * {@code ClusterEnv} as its {@code CriticalServiceSource}, and into the evaluation harness as a
 * localizer.
 */
package dev.trimtab.rca.online;
