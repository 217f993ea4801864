package dev.trimtab.testbed.live;

import dev.trimtab.faults.live.Assault;
import dev.trimtab.faults.live.Cgroup;
import dev.trimtab.faults.live.CgroupDriver;
import dev.trimtab.faults.live.CgroupException;
import dev.trimtab.faults.live.ChaosMonkeyClient;
import dev.trimtab.faults.live.ProcessId;
import dev.trimtab.testbed.live.launch.AdminClient;
import dev.trimtab.testbed.live.launch.Layout;
import dev.trimtab.testbed.live.launch.ReplicaCommand;
import dev.trimtab.testbed.live.launch.TestbedState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The replicas of a {@link Testbed}: starting their processes (each in its cgroup, recorded in the
 * state file before anything else can happen to it), and a supervisor thread that marks a replica
 * ready when its health check answers, restarts one whose process died (a crash, a kill, an OOM
 * kill) into the same cgroup on the same port, with back-off while it keeps dying before it is
 * ready, and tells every replica where its peers are whenever the set of ready replicas changes.
 * Its monitor guards the services' settings and replicas; the testbed takes it too.
 */
final class ReplicaSupervisor {
  private final TestbedConfig config;
  private final Layout layout;
  private final CgroupDriver driver;
  private final String rootGroup;
  private final Path topologyFile;
  private final String otlpEndpoint;
  private final Consumer<String> progress;
  final Map<String, ServiceRuntime> services;
  private final ScheduledExecutorService executor;
  private TestbedState state;
  private volatile boolean peersDirty = true;
  private volatile boolean closed;
  private final List<String> events = new ArrayList<>();

  ReplicaSupervisor(
      TestbedConfig config,
      Layout layout,
      CgroupDriver driver,
      String rootGroup,
      Path topologyFile,
      String otlpEndpoint,
      Map<String, ServiceRuntime> services,
      TestbedState state,
      Consumer<String> progress) {
    this.config = config;
    this.layout = layout;
    this.driver = driver;
    this.rootGroup = rootGroup;
    this.topologyFile = topologyFile;
    this.otlpEndpoint = otlpEndpoint;
    this.services = services;
    this.state = state;
    this.progress = progress;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "testbed-supervisor");
              t.setDaemon(true);
              return t;
            });
  }

  /** Supervises every 250 ms from now on. */
  void watch() {
    executor.scheduleWithFixedDelay(this::supervise, 250, 250, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} on the supervisor thread after {@code seconds}. */
  void later(Runnable task, long seconds) {
    executor.schedule(task, seconds, TimeUnit.SECONDS);
  }

  /** Stops supervising (no more restarts); waits for a round in progress. */
  void stop() {
    closed = true;
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records the state file as it is now. */
  synchronized void record(java.util.function.UnaryOperator<TestbedState> change) {
    state = change.apply(state);
    state.write(config.stateDir());
  }

  int replicaCount() {
    int n = 0;
    for (ServiceRuntime s : services.values()) {
      n += s.replicas.size();
    }
    return n;
  }

  /** Waits until every replica asked for is ready. */
  void awaitReady(Duration timeout, boolean failOnDeath) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      supervise(failOnDeath);
      boolean all;
      synchronized (this) {
        all =
            services.values().stream()
                .allMatch(s -> s.ready().size() == s.live().size() && !s.live().isEmpty());
      }
      if (all) {
        pushPeers();
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "replicas not ready after " + timeout.toSeconds() + " s: " + notReady());
      }
      sleep(200);
    }
  }

  private synchronized String notReady() {
    List<String> out = new ArrayList<>();
    for (ServiceRuntime s : services.values()) {
      for (Replica r : s.live()) {
        if (r.status != Replica.Status.READY) {
          out.add(r.name() + " (" + r.status + ", log " + r.log + ")");
        }
      }
    }
    return String.join(", ", out);
  }

  Replica newReplica(ServiceRuntime s) {
    int index = s.nextIndex++;
    String name = s.name() + "-" + index;
    Cgroup group;
    try {
      group = driver.create(rootGroup + "/" + name);
    } catch (CgroupException e) {
      throw new IllegalStateException(
          "cannot make the cgroup of " + name + ": " + e.getMessage(), e);
    }
    Replica r =
        new Replica(
            s.name(),
            index,
            freePort(),
            group,
            config.stateDir().resolve("logs").resolve(name + ".log"),
            config.stateDir().resolve("data").resolve(name));
    applyLimits(s, r);
    s.replicas.add(r);
    return r;
  }

  void applyLimits(ServiceRuntime s, Replica r) {
    r.cgroup.setCpuLimit(s.cpuLimitCores * s.cpuCapacityFactor, config.cfsPeriodUs());
    r.cgroup.setMemoryLimit(memoryLimitBytes(s.memoryLimitMiB));
  }

  long memoryLimitBytes(double memoryLimitMiB) {
    return Math.round((config.jvmOverheadMiB() + memoryLimitMiB) * 1024 * 1024);
  }

  /** Starts a process for {@code r}; called with the lock held. */
  void launch(Replica r) {
    ServiceRuntime s = services.get(r.service);
    try {
      Files.createDirectories(r.dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ReplicaCommand.Spec spec =
        new ReplicaCommand.Spec(
            r.service,
            r.index,
            r.port,
            topologyFile,
            peers(),
            s.cpuLimitCores,
            config.seed(),
            r.dataDir,
            config.heapMiB(),
            otlpEndpoint,
            config.samplingRate(),
            r.cgroup.dirs(),
            config.jvmOptions());
    ProcessBuilder pb =
        new ProcessBuilder(ReplicaCommand.argv(layout, spec))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(r.log.toFile()));
    pb.environment()
        .put(
            "TRIMTAB_CGROUP_PROCS",
            String.join(" ", r.cgroup.dirs().stream().map(Path::toString).toList()));
    try {
      r.process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + r.name(), e);
    }
    r.startedNanos = System.nanoTime();
    r.starts++;
    r.status = Replica.Status.STARTING;
    if (r.starts > 1) {
      r.restarted();
    }
    long pid = r.process.pid();
    r.id = ProcessId.of(pid).orElse(new ProcessId(pid, System.currentTimeMillis()));
    if (!r.cgroup.enforcing()) {
      r.cgroup.add(pid);
    }
    state =
        state.withReplica(
            new TestbedState.ReplicaRecord(
                r.service,
                r.index,
                r.port,
                pid,
                r.id.startEpochMs(),
                r.cgroup.dirs().stream().map(Path::toString).toList()));
    persist();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  void supervise() {
    try {
      supervise(false);
    } catch (RuntimeException e) {
      event("supervisor: " + e.getMessage());
    }
  }

  /** One round: readiness, deaths, restarts, peers. */
  private void supervise(boolean failOnDeath) {
    if (closed) {
      return;
    }
    List<Replica> starting = new ArrayList<>();
    synchronized (this) {
      for (ServiceRuntime s : services.values()) {
        for (Replica r : s.live()) {
          if (!r.processAlive()) {
            if (System.nanoTime() < r.notBeforeNanos) {
              continue;
            }
            int code = r.process == null ? -1 : r.process.exitValue();
            if (failOnDeath) {
              throw new IllegalStateException(
                  r.name() + " exited with status " + code + " while starting: " + logTail(r));
            }
            if (r.status == Replica.Status.STARTING && r.notBeforeNanos == 0) {
              r.failedStarts++;
              long backoffMs = Math.min(30_000, 1000L << Math.min(5, r.failedStarts));
              r.notBeforeNanos = System.nanoTime() + backoffMs * 1_000_000;
              event(
                  r.name()
                      + " exited with status "
                      + code
                      + " while starting; retrying in "
                      + backoffMs / 1000
                      + " s: "
                      + logTail(r));
              continue;
            }
            r.notBeforeNanos = 0;
            if (r.status == Replica.Status.READY) {
              event(r.name() + " exited with status " + code + "; restarting it");
            }
            boolean wasReady = r.status == Replica.Status.READY;
            launch(r);
            if (wasReady) {
              s.publishReady();
              peersDirty = true;
            }
          } else if (r.status == Replica.Status.STARTING) {
            starting.add(r);
          }
        }
      }
    }
    for (Replica r : starting) {
      if (AdminClient.healthy(r.base, Duration.ofMillis(400))) {
        becameReady(r);
      }
    }
    if (peersDirty) {
      pushPeers();
    }
  }

  private void becameReady(Replica r) {
    ServiceRuntime s;
    Assault assault;
    boolean frozen;
    synchronized (this) {
      s = services.get(r.service);
      if (r.status != Replica.Status.STARTING) {
        return;
      }
      assault = s.assault;
      frozen = s.frozen;
    }
    if (assault.any()) {
      applyAssault(r, assault);
    }
    if (frozen) {
      freeze(r, true);
    }
    synchronized (this) {
      if (r.status == Replica.Status.STARTING) {
        r.failedStarts = 0;
        r.status = Replica.Status.READY;
        s.publishReady();
        peersDirty = true;
      }
    }
  }

  /** Where every service's ready replicas listen, in the services' {@code name=URL|URL} form. */
  private synchronized String peers() {
    StringBuilder b = new StringBuilder();
    for (ServiceRuntime s : services.values()) {
      List<URI> urls = s.readyUrls();
      if (urls.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append(';');
      }
      b.append(s.name()).append('=');
      b.append(String.join("|", urls.stream().map(URI::toString).toList()));
    }
    return b.toString();
  }

  void pushPeers() {
    peersDirty = false;
    String peers = peers();
    List<Replica> targets = new ArrayList<>();
    synchronized (this) {
      for (ServiceRuntime s : services.values()) {
        targets.addAll(s.ready());
      }
    }
    for (Replica r : targets) {
      try {
        AdminClient.peers(r.base, peers);
      } catch (IOException e) {
        peersDirty = true;
      }
    }
  }

  private String logTail(Replica r) {
    try {
      List<String> lines = Files.readAllLines(r.log, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
      return String.join(" | ", tail).replaceAll("\\s+", " ").strip();
    } catch (IOException | RuntimeException e) {
      return "(no log at " + r.log + ")";
    }
  }

  synchronized void event(String line) {
    events.add(line);
    progress.accept(line);
  }

  /** What happened to replicas since start (exits, restarts, failed commands). */
  synchronized List<String> events() {
    return List.copyOf(events);
  }

  void persist() {
    synchronized (this) {
      state.write(config.stateDir());
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  void retire(List<Replica> leaving) {
    for (Replica r : leaving) {
      if (r.id != null) {
        r.id.signal("CONT");
        r.id.kill(5000);
      }
      synchronized (this) {
        ServiceRuntime s = services.get(r.service);
        s.retiredCpuNanos += Math.max(0, r.cgroup.cpuUsageNanos());
        long[] t = r.totals();
        for (int i = 0; i < t.length; i++) {
          s.retiredCalls[i] += t[i];
        }
      }
      try {
        r.cgroup.remove();
      } catch (CgroupException e) {
        event("cannot remove the cgroup of " + r.name() + ": " + e.getMessage());
      }
      synchronized (this) {
        r.status = Replica.Status.GONE;
        services.get(r.service).replicas.remove(r);
        state = state.withoutReplica(r.service, r.index);
        persist();
      }
    }
  }

  static void applyAssault(Replica r, Assault assault) {
    ChaosMonkeyClient cm = new ChaosMonkeyClient(r.base, Duration.ofSeconds(3));
    if (!assault.any()) {
      cm.reset();
      return;
    }
    cm.setAssaults(assault);
    cm.enable();
    if (assault.runtime()) {
      cm.attackRuntime();
    }
  }

  void freeze(Replica r, boolean frozen) {
    if (r.cgroup.enforcing()) {
      r.cgroup.setFrozen(frozen);
    } else if (r.id != null) {
      r.id.signal(frozen ? "STOP" : "CONT");
    }
  }
}
