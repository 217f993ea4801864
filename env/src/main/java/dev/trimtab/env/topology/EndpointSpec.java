package dev.trimtab.env.topology;

import java.util.Objects;

/**
 * An entry point clients call: its call tree, its share of the request mix, and its SLO.
 *
 * @param weight relative share of requests (weights need not sum to 1)
 */
public record EndpointSpec(String name, double weight, Slo slo, CallNode root) {
  public EndpointSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(root, "root");
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be a finite number > 0, got " + weight);
    }
  }
}
