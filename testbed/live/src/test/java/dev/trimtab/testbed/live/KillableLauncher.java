package dev.trimtab.testbed.live;

import dev.trimtab.env.topology.TopologyLoader;
import dev.trimtab.faults.live.Assault;
import dev.trimtab.faults.live.CgroupSystem;
import dev.trimtab.testbed.live.launch.Layout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A launcher for the kill tests, run as its own process: starts a testbed (no telemetry, for
 * speed), switches a Chaos Monkey assault on, prints {@code READY} and waits to be killed.
 *
 * <p>Arguments: the state folder, the topology file, and {@code host} (this host's cgroups) or
 * {@code no-limits} (no cgroups at all, whatever the host has).
 */
public final class KillableLauncher {
  private KillableLauncher() {}

  public static void main(String[] args) throws Exception {
    Path state = Path.of(args[0]);
    TestbedConfig config =
        TestbedConfig.of(TopologyLoader.load(Path.of(args[1])), state).withTelemetry(false);
    if (args[2].equals("no-limits")) {
      Path empty = Files.createTempFile("no-cgroups", ".txt");
      config = config.withCgroups(new CgroupSystem(empty, empty, null, true), false);
    }
    Testbed tb = Testbed.start(config, Layout.find(), line -> System.err.println(line));
    for (String s : tb.services()) {
      tb.setAssault(s, Assault.latency(50));
    }
    System.out.println("READY " + tb.limitsDescription());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
