package dev.trimtab.testbed.live.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of one testbed replica: a JVM with capped heap and small code cache, the
 * OpenTelemetry agent exporting to the receiver, and the service jar told which service it is. When
 * the replica has cgroups, a shell wrapper puts itself into them and then {@code exec}s the JVM, so
 * the JVM never runs a single instruction outside its limits; {@code setsid} detaches it from the
 * launcher's session, so it outlives {@code testbed up}.
 */
public final class ReplicaCommand {
  /** Exit status of the wrapper when it could not join its cgroup. */
  public static final int CGROUP_JOIN_FAILED = 97;

  static final String CGROUP_ENV = "TRIMTAB_CGROUP_PROCS";

  private static final String WRAPPER =
      "for d in $"
          + CGROUP_ENV
          + "; do echo $$ > \"$d/cgroup.procs\" || exit "
          + CGROUP_JOIN_FAILED
          + "; done; exec \"$@\"";

  /**
   * What varies between replicas.
   *
   * @param otlpEndpoint the receiver's URL, or null to run without the agent
   * @param samplingRate share of requests traced (parent-based: the root service decides)
   */
  public record Spec(
      String service,
      int replica,
      int port,
      Path topologyFile,
      String peers,
      double cpuLimitCores,
      long seed,
      Path dataDir,
      int heapMiB,
      String otlpEndpoint,
      double samplingRate,
      List<Path> cgroupDirs,
      List<String> jvmOptions) {}

  private ReplicaCommand() {}

  /** The argv to start {@code spec} with {@code layout}'s jars. */
  public static List<String> argv(Layout layout, Spec spec) {
    List<String> cmd = new ArrayList<>();
    if (!spec.cgroupDirs().isEmpty()) {
      for (Path d : spec.cgroupDirs()) {
        if (d.toString().contains(" ")) {
          throw new IllegalArgumentException("cgroup path with a space is not supported: " + d);
        }
      }
    }
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      cmd.add("/usr/bin/setsid");
    }
    if (!spec.cgroupDirs().isEmpty()) {
      cmd.addAll(List.of("/bin/sh", "-c", WRAPPER, "trimtab-replica"));
    }
    cmd.add(javaBinary());
    cmd.addAll(
        List.of(
            "-Xmx" + spec.heapMiB() + "m",
            "-Xms" + Math.min(spec.heapMiB(), 32) + "m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxMetaspaceSize=160m",
            "-Xss512k",
            "-XX:-UsePerfData",
            "-Djava.io.tmpdir=" + spec.dataDir()));
    if (spec.otlpEndpoint() != null && layout.agentJar() != null) {
      cmd.add("-javaagent:" + layout.agentJar());
      cmd.addAll(otel(spec));
    }
    cmd.addAll(spec.jvmOptions());
    cmd.addAll(
        List.of(
            "-jar",
            layout.serviceJar().toString(),
            "--server.port=" + spec.port(),
            "--trimtab.topology=" + spec.topologyFile(),
            "--trimtab.service=" + spec.service(),
            "--trimtab.replica=" + spec.replica(),
            "--trimtab.peers=" + spec.peers(),
            "--trimtab.cpu-limit-cores=" + num(spec.cpuLimitCores()),
            "--trimtab.seed=" + spec.seed(),
            "--trimtab.data-dir=" + spec.dataDir()));
    return cmd;
  }

  /** The agent's settings: only the instrumentation the testbed needs, exporting fast. */
  static List<String> otel(Spec spec) {
    List<String> p = new ArrayList<>();
    p.add("-Dotel.service.name=" + spec.service());
    p.add("-Dotel.resource.attributes=trimtab.replica=" + spec.replica());
    p.add("-Dotel.exporter.otlp.endpoint=" + spec.otlpEndpoint());
    p.add("-Dotel.exporter.otlp.protocol=http/protobuf");
    p.add("-Dotel.traces.sampler=parentbased_traceidratio");
    p.add("-Dotel.traces.sampler.arg=" + num(spec.samplingRate()));
    p.add("-Dotel.bsp.schedule.delay=200");
    p.add("-Dotel.bsp.max.queue.size=65536");
    p.add("-Dotel.metric.export.interval=1000");
    p.add("-Dotel.logs.exporter=none");
    p.add("-Dotel.instrumentation.common.default-enabled=false");
    for (String i :
        List.of(
            "tomcat",
            "servlet",
            "spring-webmvc",
            "http-url-connection",
            "executors",
            "runtime-telemetry",
            "opentelemetry-api")) {
      p.add("-Dotel.instrumentation." + i + ".enabled=true");
    }
    return p;
  }

  static String javaBinary() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6f", v);
  }
}
