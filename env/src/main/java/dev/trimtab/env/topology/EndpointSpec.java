package dev.trimtab.env.topology;

/**
 * An entry point clients call: its call tree, its share of the request mix, and its SLO.
 *
 * @param weight relative share of requests (weights need not sum to 1)
 */
public record EndpointSpec(String name, double weight, Slo slo, CallNode root) {}
