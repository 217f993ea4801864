package dev.trimtab.testbed.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.faults.live.Assault;
import dev.trimtab.faults.live.CgroupDriver;
import dev.trimtab.faults.live.CgroupException;
import dev.trimtab.faults.live.LiveTarget;
import dev.trimtab.testbed.live.launch.AdminClient;
import dev.trimtab.testbed.live.launch.Layout;
import dev.trimtab.testbed.live.launch.Teardown;
import dev.trimtab.testbed.live.launch.TestbedState;
import dev.trimtab.testbed.live.load.LoadGenerator;
import dev.trimtab.testbed.live.otlp.MetricStore;
import dev.trimtab.testbed.live.otlp.OtlpReceiver;
import dev.trimtab.testbed.live.otlp.SpanFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A running live testbed: one JVM process per replica of every service of a topology, on 127.0.0.1,
 * each in its own cgroup with the topology's CPU quota and memory limit, exporting telemetry to an
 * in-process OTLP receiver. It is the live cluster's {@link
 * dev.trimtab.env.control.ClusterActuator} (controllers scale services and change their limits
 * through it) and the {@link LiveTarget} the live fault injector acts on.
 *
 * <p>A supervisor thread watches the replicas: it marks a replica ready when its health check
 * answers, restarts one whose process died (a crash, a kill, an OOM kill) into the same cgroup on
 * the same port, and tells every replica where its peers are whenever the set of ready replicas
 * changes. Everything the testbed makes is in its state file before it exists, and {@link #close}
 * (or {@link Teardown} from another process) removes it all.
 */
public final class Testbed implements LiveTarget, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(500))
          .build();

  private final TestbedConfig config;
  private final Layout layout;
  private final CgroupDriver driver;
  private final String rootGroup;
  private final Path topologyFile;
  private final OtlpReceiver receiver;
  private final ReplicaSupervisor sup;
  private final Consumer<String> progress;
  private volatile LoadGenerator load;
  private volatile boolean closed;
  private boolean launcherMoved;

  private Testbed(
      TestbedConfig config,
      Layout layout,
      CgroupDriver driver,
      String id,
      Consumer<String> progress) {
    this.config = config;
    this.layout = layout;
    this.driver = driver;
    this.progress = progress;
    this.rootGroup = "trimtab/" + id;
    this.topologyFile = config.stateDir().resolve("topology.yaml");
    this.receiver =
        config.telemetry() && layout.agentJar() != null
            ? OtlpReceiver.start(0, new SpanFolder(400_000), new MetricStore(), System::nanoTime)
            : null;
    Map<String, ServiceRuntime> services = new LinkedHashMap<>();
    for (ServiceSpec s : config.topology().services()) {
      services.put(s.name(), new ServiceRuntime(s));
    }
    TestbedState state =
        new TestbedState(
            id,
            ProcessHandle.current().pid(),
            topologyFile.toString(),
            driver.describe(),
            config.cgroups().real(),
            driver.dirsOf(rootGroup).stream().map(Path::toString).toList(),
            List.of(),
            List.of());
    this.sup =
        new ReplicaSupervisor(
            config,
            layout,
            driver,
            rootGroup,
            topologyFile,
            receiver == null ? null : receiver.endpoint(),
            services,
            state,
            progress);
  }

  /**
   * Starts every replica of {@code config}'s topology and waits until all answer. A testbed
   * recorded in the same state folder (a stale one, whose launcher was killed, say) is torn down
   * first.
   *
   * @param progress gets one line per step, for humans
   * @throws IllegalStateException if a replica does not start (its log's end is in the message);
   *     what was started is removed again
   */
  public static Testbed start(TestbedConfig config, Layout layout, Consumer<String> progress) {
    try {
      Files.createDirectories(config.stateDir().resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + config.stateDir(), e);
    }
    Teardown.Report stale = Teardown.run(config.stateDir());
    if (stale.found()) {
      progress.accept("removed the testbed left in " + config.stateDir() + ": " + stale.describe());
    }
    CgroupDriver driver = CgroupDriver.detect(config.cgroups());
    if (driver.unavailableReason().isPresent()) {
      String why = driver.unavailableReason().get();
      if (config.requireLimits()) {
        throw new IllegalStateException("cgroups are not usable here: " + why);
      }
      progress.accept(
          "no-limits mode: CPU quotas and memory limits are NOT enforced (" + why + ")");
    } else {
      progress.accept(
          "limits through "
              + driver.describe()
              + (config.priority() > 1
                  ? ", CPU weight " + config.priority() + "x a normal process's"
                  : ""));
    }
    String id =
        "tb" + Integer.toHexString(config.stateDir().toAbsolutePath().normalize().hashCode());
    Testbed tb = new Testbed(config, layout, driver, id, progress);
    try {
      tb.launchAll();
      return tb;
    } catch (RuntimeException e) {
      tb.close();
      throw e;
    }
  }

  private void launchAll() {
    sup.persist();
    if (driver.limits() && config.priority() > 1) {
      driver.setWeight(rootGroup, config.priority());
      driver.moveCpu(ProcessHandle.current().pid(), rootGroup + "/launcher");
      launcherMoved = true;
    }
    try {
      Files.writeString(
          topologyFile, TopologyYaml.write(config.topology()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + topologyFile, e);
    }
    synchronized (sup) {
      for (ServiceRuntime s : sup.services.values()) {
        for (int i = 0; i < s.desiredReplicas; i++) {
          sup.launch(sup.newReplica(s));
        }
      }
    }
    progress.accept(
        "starting "
            + sup.replicaCount()
            + " replica(s) of "
            + sup.services.size()
            + " service(s) of "
            + config.topology().name()
            + (receiver == null ? " without telemetry" : ", telemetry to " + receiver.endpoint()));
    sup.awaitReady(config.startupTimeout(), true);
    sup.watch();
  }

  // ---------------------------------------------------------------- ClusterActuator

  @Override
  public List<String> services() {
    return List.copyOf(sup.services.keySet());
  }

  private ServiceRuntime service(String name) {
    ServiceRuntime s = sup.services.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "no service '" + name + "' in topology " + config.topology().name());
    }
    return s;
  }

  @Override
  public int replicas(String service) {
    synchronized (sup) {
      return service(service).desiredReplicas;
    }
  }

  @Override
  public double cpuLimitCores(String service) {
    synchronized (sup) {
      return service(service).cpuLimitCores;
    }
  }

  @Override
  public double memoryLimitMiB(String service) {
    synchronized (sup) {
      return service(service).memoryLimitMiB;
    }
  }

  /**
   * Scales a service, within {@link TestbedConfig#maxReplicasPerService}: new replicas start now
   * and take calls once healthy; surplus ones leave the callers' peers at once and are stopped a
   * second later, when their calls in flight have ended.
   */
  @Override
  public void setReplicas(String service, int replicas) {
    List<Replica> leaving = new ArrayList<>();
    synchronized (sup) {
      ServiceRuntime s = service(service);
      int n = Math.max(1, Math.min(config.maxReplicasPerService(), replicas));
      s.desiredReplicas = n;
      List<Replica> live = s.live();
      for (int i = live.size(); i < n; i++) {
        sup.launch(sup.newReplica(s));
      }
      for (int i = live.size() - 1; i >= n; i--) {
        Replica r = live.get(i);
        r.status = Replica.Status.STOPPING;
        leaving.add(r);
      }
      s.publishReady();
    }
    if (!leaving.isEmpty()) {
      sup.pushPeers();
      sup.later(() -> sup.retire(leaving), 1);
    }
  }

  /** Sets the quota of every replica and resizes their worker pools. */
  @Override
  public void setCpuLimit(String service, double cpuLimitCores) {
    if (!(cpuLimitCores > 0) || !Double.isFinite(cpuLimitCores)) {
      throw new IllegalArgumentException("cpuLimitCores must be > 0, got " + cpuLimitCores);
    }
    List<Replica> ready;
    synchronized (sup) {
      ServiceRuntime s = service(service);
      s.cpuLimitCores = cpuLimitCores;
      for (Replica r : s.replicas) {
        r.cgroup.setCpuLimit(cpuLimitCores * s.cpuCapacityFactor, config.cfsPeriodUs());
      }
      ready = s.ready();
    }
    for (Replica r : ready) {
      try {
        AdminClient.cpuLimit(r.base, cpuLimitCores);
      } catch (IOException e) {
        sup.event("cannot resize the workers of " + r.name() + ": " + e.getMessage());
      }
    }
  }

  /**
   * Sets the memory limit (the cgroup gets it plus the JVM's own overhead). Where cgroup v1 refuses
   * a limit below what a replica uses, the replica is killed as the OOM killer would, and restarts
   * under the new limit.
   */
  @Override
  public void setMemoryLimit(String service, double memoryLimitMiB) {
    synchronized (sup) {
      if (!(memoryLimitMiB > 0) || !Double.isFinite(memoryLimitMiB)) {
        throw new IllegalArgumentException("memoryLimitMiB must be > 0, got " + memoryLimitMiB);
      }
      ServiceRuntime s = service(service);
      s.memoryLimitMiB = memoryLimitMiB;
      for (Replica r : s.replicas) {
        try {
          r.cgroup.setMemoryLimit(sup.memoryLimitBytes(memoryLimitMiB));
        } catch (CgroupException e) {
          if (!e.busy()) {
            throw e;
          }
          sup.event(
              r.name()
                  + " uses more than "
                  + memoryLimitMiB
                  + " MiB: killed, as by the OOM killer");
          r.id.kill(5000);
          r.cgroup.setMemoryLimit(sup.memoryLimitBytes(memoryLimitMiB));
        }
      }
    }
  }

  // ---------------------------------------------------------------- LiveTarget

  @Override
  public Topology topology() {
    return config.topology();
  }

  @Override
  public void setAssault(String service, Assault assault) {
    List<Replica> ready;
    synchronized (sup) {
      ServiceRuntime s = service(service);
      s.assault = assault;
      if (assault.any()) {
        sup.record(st -> st.withAssaulted(service, true));
      }
      ready = s.ready();
    }
    RuntimeException first = null;
    for (Replica r : ready) {
      try {
        ReplicaSupervisor.applyAssault(r, assault);
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (!assault.any()) {
      synchronized (sup) {
        sup.record(st -> st.withAssaulted(service, false));
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void setCpuCapacityFactor(String service, double factor) {
    synchronized (sup) {
      if (!(factor > 0 && factor <= 1)) {
        throw new IllegalArgumentException("factor must be in (0, 1], got " + factor);
      }
      ServiceRuntime s = service(service);
      s.cpuCapacityFactor = factor;
      for (Replica r : s.replicas) {
        r.cgroup.setCpuLimit(s.cpuLimitCores * factor, config.cfsPeriodUs());
      }
    }
  }

  @Override
  public void setFrozen(String service, boolean frozen) {
    List<Replica> replicas;
    synchronized (sup) {
      ServiceRuntime s = service(service);
      s.frozen = frozen;
      replicas = s.live();
    }
    for (Replica r : replicas) {
      sup.freeze(r, frozen);
    }
  }

  @Override
  public int killReplicas(String service, int replicas) {
    List<Replica> victims = new ArrayList<>();
    synchronized (sup) {
      List<Replica> ready = service(service).ready();
      for (int i = 0; i < replicas && i < ready.size(); i++) {
        victims.add(ready.get(i));
      }
    }
    int killed = 0;
    for (Replica r : victims) {
      if (r.id != null && r.id.kill(5000)) {
        killed++;
      }
    }
    return killed;
  }

  @Override
  public double heapMaxMiB(String service) {
    return config.heapMiB();
  }

  @Override
  public void setRateFactor(double factor) {
    LoadGenerator g = load;
    if (g != null) {
      g.setRateFactor(factor);
    }
  }

  @Override
  public void setMix(Map<String, Double> weights) {
    LoadGenerator g = load;
    if (g != null) {
      g.setMix(weights);
    }
  }

  // ---------------------------------------------------------------- runs

  /** The load generator whose rate and mix faults change; null detaches it. */
  public void attachLoad(LoadGenerator generator) {
    this.load = generator;
  }

  /** A ready replica of {@code service}, round-robin, or null (the load generator's router). */
  public URI pickReplica(String service) {
    return service(service).pick();
  }

  /** The base URLs of {@code service}'s ready replicas. */
  public List<URI> readyReplicas(String service) {
    return service(service).readyUrls();
  }

  /** The OTLP receiver, or null when the services run without telemetry. */
  public OtlpReceiver receiver() {
    return receiver;
  }

  public TestbedConfig config() {
    return config;
  }

  /** Whether CPU quotas and memory limits are enforced (false in the no-limits mode). */
  public boolean enforcesLimits() {
    return driver.limits();
  }

  /** {@code cgroup v1}, {@code cgroup v2} or {@code no limits}, with why. */
  public String limitsDescription() {
    return driver.unavailableReason().map(r -> "no limits (" + r + ")").orElse(driver.describe());
  }

  /**
   * Puts every service back as the topology has it (replicas, limits, no assault, no freeze, full
   * CPU share) and waits until every replica is ready: a fresh run's starting point.
   */
  public void reset() {
    for (ServiceRuntime s : sup.services.values()) {
      String name = s.name();
      setAssault(name, Assault.NONE);
      setFrozen(name, false);
      setCpuCapacityFactor(name, 1);
      setCpuLimit(name, s.spec.cpuLimitCores());
      setMemoryLimit(name, s.spec.memoryLimitMiB());
      setReplicas(name, s.spec.replicas());
    }
    sup.awaitReady(config.startupTimeout(), false);
  }

  /**
   * Every service's counters now: the live twin of the simulator's bookkeeping. Cgroup counters are
   * read first, at the moment the sample stands for; the replicas' call counters follow (they
   * answer within 400 ms, or their last reading is kept: a frozen replica does not answer).
   */
  public TestbedSample sample() {
    List<Replica> ready = new ArrayList<>();
    Map<String, long[]> cgroupCounters = new LinkedHashMap<>();
    long now;
    synchronized (sup) {
      now = System.nanoTime();
      for (ServiceRuntime s : sup.services.values()) {
        long[] c = new long[3];
        for (Replica r : s.replicas) {
          c[0] += Math.max(0, r.cgroup.cpuUsageNanos());
          c[1] += r.cgroup.throttledNanos();
          if (r.status == Replica.Status.READY || r.status == Replica.Status.STARTING) {
            c[2] += r.cgroup.memoryUsageBytes();
          }
        }
        c[0] += s.retiredCpuNanos;
        cgroupCounters.put(s.name(), c);
        ready.addAll(s.ready());
      }
    }
    readStats(ready);
    List<TestbedSample.ServiceSample> out = new ArrayList<>();
    synchronized (sup) {
      for (ServiceRuntime s : sup.services.values()) {
        long[] calls = s.retiredCalls.clone();
        long queued = 0;
        for (Replica r : s.replicas) {
          long[] t = r.totals();
          for (int i = 0; i < calls.length; i++) {
            calls[i] += t[i];
          }
          if (r.status == Replica.Status.READY) {
            queued += r.queued();
          }
        }
        long[] c = cgroupCounters.get(s.name());
        out.add(
            new TestbedSample.ServiceSample(
                s.name(),
                s.desiredReplicas,
                s.ready().size(),
                s.cpuLimitCores,
                s.memoryLimitMiB,
                c[0],
                c[1],
                c[2],
                calls[0],
                calls[1],
                calls[2],
                calls[3],
                (int) queued));
      }
    }
    return new TestbedSample(now, out);
  }

  private static void readStats(List<Replica> replicas) {
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    for (Replica r : replicas) {
      reads.add(
          HTTP.sendAsync(
                  HttpRequest.newBuilder(r.base.resolve("/trimtab/admin/stats"))
                      .timeout(Duration.ofMillis(400))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .thenAccept(
                  resp -> {
                    if (resp.statusCode() == 200) {
                      try {
                        r.stats(JSON.readTree(resp.body()));
                      } catch (IOException e) {
                        // keep the last reading
                      }
                    }
                  })
              .exceptionally(e -> null));
    }
    CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
  }

  /** What happened to replicas since start (exits, restarts, failed commands). */
  public List<String> events() {
    return sup.events();
  }

  /** Stops everything: replicas, cgroups, assaults, the receiver; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sup.stop();
    synchronized (sup) {
      for (ServiceRuntime s : sup.services.values()) {
        for (Replica r : s.replicas) {
          if (r.process != null) {
            r.process.destroyForcibly();
          }
        }
      }
    }
    if (launcherMoved) {
      try {
        driver.moveCpu(ProcessHandle.current().pid(), null);
      } catch (CgroupException e) {
        progress.accept("cannot move the launcher back to its own CPU group: " + e.getMessage());
      }
    }
    Teardown.Report report = Teardown.run(config.stateDir());
    if (!report.problems().isEmpty()) {
      progress.accept("teardown: " + report.describe());
    }
    if (receiver != null) {
      receiver.close();
    }
  }
}
