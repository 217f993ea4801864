package dev.trimtab.testbed.service;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.topology.ServiceKind;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one testbed process serves, from its command line ({@code --trimtab.NAME=VALUE}) or the
 * environment ({@code TRIMTAB_NAME}, for containers); the command line wins.
 *
 * <ul>
 *   <li>{@code topology} (required): the topology file, read with the env module's loader
 *   <li>{@code service} (required): which of its services this process is
 *   <li>{@code peers}: where the services it calls listen, {@link Peers#parse} format
 *   <li>{@code cpu-limit-cores}: the CPU limit the worker pool is sized for (default: the
 *       topology's)
 *   <li>{@code seed}: seeds this replica's demand and call-probability draws (default 1)
 *   <li>{@code data-dir}: where the mapped half of the working set lives (default the temp dir)
 * </ul>
 *
 * @param replica this replica's number, to tell replicas' random streams apart
 */
public record ServiceSettings(
    Path topologyFile,
    Topology topology,
    ServiceSpec service,
    Peers peers,
    double cpuLimitCores,
    long seed,
    int replica,
    Path dataDir) {

  /** Reads and checks the settings; every problem is a {@link ConfigException}. */
  public static ServiceSettings from(String[] args, Map<String, String> env) {
    Path file = Path.of(require("topology", args, env));
    Topology topology = TopologyLoader.load(file);
    String name = require("service", args, env);
    if (topology.serviceIndex(name) < 0) {
      throw new ConfigException(
          "--trimtab.service",
          "",
          "no service '"
              + name
              + "' in topology "
              + topology.name()
              + "; known: "
              + topology.services().stream().map(ServiceSpec::name).toList());
    }
    ServiceSpec service = topology.service(name);
    if (service.kind() != ServiceKind.CPU) {
      throw new ConfigException(
          "--trimtab.service", "", "service '" + name + "' runs on GPUs; the testbed has none");
    }
    Peers peers = Peers.parse(value("peers", args, env, ""), "--trimtab.peers");
    double cpu = number("cpu-limit-cores", args, env, service.cpuLimitCores());
    long seed = (long) number("seed", args, env, 1);
    int replica = (int) number("replica", args, env, 0);
    Path dataDir = Path.of(value("data-dir", args, env, System.getProperty("java.io.tmpdir")));
    return new ServiceSettings(file, topology, service, peers, cpu, seed, replica, dataDir);
  }

  private static String require(String name, String[] args, Map<String, String> env) {
    String v = value(name, args, env, null);
    if (v == null || v.isBlank()) {
      throw new ConfigException(
          "--trimtab." + name,
          "",
          "is required (or the environment variable " + envName(name) + ")");
    }
    return v;
  }

  private static double number(String name, String[] args, Map<String, String> env, double dflt) {
    String v = value(name, args, env, null);
    if (v == null) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d) && d >= 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException("--trimtab." + name, "", "must be a number >= 0, got '" + v + "'");
  }

  private static String value(String name, String[] args, Map<String, String> env, String dflt) {
    String prefix = "--trimtab." + name + "=";
    for (String a : args) {
      if (a.startsWith(prefix)) {
        return a.substring(prefix.length());
      }
    }
    return env.getOrDefault(envName(name), dflt);
  }

  private static String envName(String name) {
    return "TRIMTAB_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }
}
