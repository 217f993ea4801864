package dev.trimtab.testbed.live.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaCommandTest {
  private static final Layout LAYOUT = new Layout(Path.of("/x/svc.jar"), Path.of("/x/agent.jar"));

  private static ReplicaCommand.Spec spec(List<Path> cgroups, String otlp) {
    return new ReplicaCommand.Spec(
        "db",
        2,
        9101,
        Path.of("/s/topology.yaml"),
        "cache=http://127.0.0.1:9102",
        0.25,
        7,
        Path.of("/s/data/db-2"),
        96,
        otlp,
        0.5,
        cgroups,
        List.of("-XX:TieredStopAtLevel=4"));
  }

  @Test
  void withCgroupsAShellJoinsThemBeforeExecingTheJvm() {
    List<String> argv =
        ReplicaCommand.argv(LAYOUT, spec(List.of(Path.of("/cg/cpu/x")), "http://127.0.0.1:4318"));
    int sh = argv.indexOf("/bin/sh");
    assertTrue(sh >= 0, argv.toString());
    assertTrue(
        argv.get(sh + 2).contains("cgroup.procs") && argv.get(sh + 2).contains("exec \"$@\""));
    assertTrue(argv.get(sh + 4).endsWith("java"), "the JVM is what the shell execs");
    assertTrue(argv.contains("-Xmx96m"));
    assertTrue(argv.contains("-javaagent:/x/agent.jar"));
    assertTrue(argv.contains("-Dotel.service.name=db"));
    assertTrue(argv.contains("-Dotel.traces.sampler.arg=0.500000"));
    assertTrue(argv.contains("-Dotel.exporter.otlp.endpoint=http://127.0.0.1:4318"));
    assertTrue(argv.contains("--trimtab.service=db"));
    assertTrue(argv.contains("--trimtab.cpu-limit-cores=0.250000"));
    assertTrue(argv.contains("--trimtab.peers=cache=http://127.0.0.1:9102"));
    assertEquals(
        "-XX:TieredStopAtLevel=4",
        argv.get(argv.indexOf("-jar") - 1),
        "extra options come last, so they win");
  }

  @Test
  void withoutCgroupsOrTelemetryTheJvmRunsPlain() {
    List<String> argv = ReplicaCommand.argv(LAYOUT, spec(List.of(), null));
    assertFalse(argv.contains("/bin/sh"));
    assertFalse(argv.stream().anyMatch(a -> a.startsWith("-javaagent")));
    assertFalse(argv.stream().anyMatch(a -> a.startsWith("-Dotel")));
  }
}
