package dev.trimtab.env.topology;

import java.util.Arrays;
import java.util.List;

/**
 * How a service's calls are spread over its ready replicas (see docs/simulator.md for what each
 * models and when to pick it). Only ready replicas are candidates: starting, crashed and draining
 * ones never are.
 */
public enum LoadBalancing {
  /**
   * Each call goes to a ready replica drawn uniformly at random: a plain Kubernetes Service, whose
   * kube-proxy (iptables mode, the default) picks an endpoint at random per connection. The
   * default.
   */
  RANDOM("random"),

  /** Ready replicas in turn (kube-proxy's IPVS mode with its default {@code rr} scheduler). */
  ROUND_ROBIN("round-robin"),

  /**
   * The ready replica with the fewest calls in it (running and queued), ties broken uniformly at
   * random: Envoy's least-request balancer with {@code selection_method: FULL_SCAN}.
   */
  LEAST_REQUEST("least-request"),

  /**
   * Two distinct ready replicas drawn at random, the one with fewer calls in it wins (ties: either,
   * at random): the power of two choices (Mitzenmacher), as Linkerd and Finagle balance.
   */
  POWER_OF_TWO_CHOICES("power-of-two-choices");

  /** What a topology file says when it names no policy. */
  public static final LoadBalancing DEFAULT = RANDOM;

  private final String yamlName;

  LoadBalancing(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name a topology file uses. */
  public String yamlName() {
    return yamlName;
  }

  /** The policy a topology file names, or null if none has that name. */
  public static LoadBalancing fromYamlName(String name) {
    for (LoadBalancing b : values()) {
      if (b.yamlName.equals(name)) {
        return b;
      }
    }
    return null;
  }

  /** Every name a topology file may use, the default first. */
  public static List<String> yamlNames() {
    return Arrays.stream(values()).map(LoadBalancing::yamlName).toList();
  }
}
