/**
 * The cluster as a multi-agent environment: one agent per service, its observation, its action and
 * its reward, over the simulator. {@code docs/cluster-env.md} documents every component.
 */
package dev.trimtab.env.cluster;
