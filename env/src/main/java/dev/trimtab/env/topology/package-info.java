/**
 * Topologies: the services of an application, their resources and service demands, and the call
 * trees of its endpoints. Read from YAML by {@link dev.trimtab.env.topology.TopologyLoader}; the
 * format is documented in {@code docs/formats/topology.md}.
 */
package dev.trimtab.env.topology;
