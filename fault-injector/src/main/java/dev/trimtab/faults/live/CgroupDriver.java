package dev.trimtab.faults.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the cgroups testbed replicas run in, on cgroup v1 (the {@code cpu}, {@code cpuacct}, {@code
 * memory} and {@code freezer} hierarchies) or v2 (one unified hierarchy), or, where neither is
 * writable, hands out groups that enforce nothing and measure processes through {@code /proc}: the
 * no-limits mode, whose reason {@link #unavailableReason()} says.
 *
 * <p>New groups go under this process's own group (delegation: a process manages the subtree below
 * itself), or under {@link CgroupSystem#parent()} when set.
 */
public sealed interface CgroupDriver permits CgroupDriver.V1, CgroupDriver.V2, CgroupDriver.None {

  /** {@code cgroup v1}, {@code cgroup v2} or {@code no limits}. */
  String describe();

  /** Whether groups enforce CPU and memory limits. */
  default boolean limits() {
    return unavailableReason().isEmpty();
  }

  /** Why limits are not enforced, or empty when they are. */
  Optional<String> unavailableReason();

  /** Makes (or reuses) the group {@code name}, a relative path such as {@code trimtab/x/db-0}. */
  Cgroup create(String name);

  /** The folders holding every group {@code name} (a prefix such as {@code trimtab/x}) covers. */
  List<Path> dirsOf(String name);

  /**
   * Gives group {@code name} (made if missing) {@code timesNormal} times the CPU weight of a normal
   * process when CPU is short: {@code cpu.shares = 1024 × n} on v1, {@code cpu.weight = 100 × n} on
   * v2. Quotas still cap it; the weight only decides who waits on a busy host.
   */
  void setWeight(String name, int timesNormal);

  /**
   * Moves process {@code pid} into CPU group {@code name} (made if missing), or with {@code name}
   * null back where it came from: how the launcher, whose load generator must send on time, gets
   * the same weight as the services it measures. Only the CPU hierarchy is touched.
   */
  void moveCpu(long pid, String name);

  /** Finds the cgroups of {@code system}; never fails, falls back to {@link None}. */
  static CgroupDriver detect(CgroupSystem system) {
    List<CgroupSystem.Mount> mounts;
    Map<String, String> own;
    try {
      mounts = system.mounts();
      own = system.ownGroups();
    } catch (IOException e) {
      return new None(
          "cannot read " + system.mountinfo() + " or " + system.selfCgroup() + ": " + e);
    }
    Map<String, Path> v1 = new LinkedHashMap<>();
    Path homeCpu = null;
    for (String controller : List.of("cpu", "cpuacct", "memory", "freezer")) {
      for (CgroupSystem.Mount m : mounts) {
        if (!m.v2() && m.controllers().contains(controller)) {
          String home = own.getOrDefault(controller, "/");
          v1.put(
              controller, CgroupSystem.dirOf(m, system.parent() != null ? system.parent() : home));
          if (controller.equals("cpu")) {
            homeCpu = CgroupSystem.dirOf(m, home);
          }
        }
      }
    }
    CgroupFiles files = new CgroupFiles(system.real());
    if (v1.containsKey("cpu") && v1.containsKey("memory")) {
      return V1.open(v1, homeCpu, files);
    }
    for (CgroupSystem.Mount m : mounts) {
      if (m.v2()) {
        String base = system.parent() != null ? system.parent() : own.getOrDefault("", "/");
        return V2.open(CgroupSystem.dirOf(m, base), files);
      }
    }
    return new None("no cgroup v1 cpu and memory hierarchies and no cgroup v2 mount");
  }

  /**
   * Removes recorded groups: thaws them, kills their processes, waits for them to go, and removes
   * the folders (children first). Folders already gone are fine.
   *
   * @return one line per group that could not be removed (empty when all went)
   */
  static List<String> removeRecorded(List<Path> dirs, boolean real) {
    CgroupFiles files = new CgroupFiles(real);
    for (Path dir : dirs) {
      thawTree(dir, files);
    }
    for (Path dir : dirs) {
      killTree(dir, files);
    }
    List<String> failures = new ArrayList<>();
    for (Path dir : dirs) {
      for (int attempt = 0; ; attempt++) {
        try {
          files.removeTree(dir);
          break;
        } catch (CgroupException e) {
          if (attempt >= 50) {
            failures.add(e.getMessage());
            break;
          }
          killTree(dir, files);
          sleep(100);
        }
      }
    }
    return failures;
  }

  private static void thawTree(Path dir, CgroupFiles files) {
    for (Path d : tree(dir)) {
      if (Files.exists(d.resolve("freezer.state"))) {
        files.write(d.resolve("freezer.state"), "THAWED");
      }
      if (Files.exists(d.resolve("cgroup.freeze"))) {
        files.write(d.resolve("cgroup.freeze"), "0");
      }
    }
  }

  private static void killTree(Path dir, CgroupFiles files) {
    for (Path d : tree(dir)) {
      for (long pid : files.pids(d)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private static List<Path> tree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      return List.of(dir);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** cgroup v1: one folder per controller hierarchy. */
  record V1(Map<String, Path> bases, Path homeCpu, CgroupFiles files) implements CgroupDriver {
    static CgroupDriver open(Map<String, Path> bases, Path homeCpu, CgroupFiles files) {
      for (String c : List.of("cpu", "memory")) {
        Path base = bases.get(c);
        if (!Files.isWritable(base)) {
          return new None("cgroup v1 " + c + " group " + base + " is not writable by this user");
        }
      }
      return new V1(Map.copyOf(bases), homeCpu, files);
    }

    @Override
    public String describe() {
      return "cgroup v1";
    }

    @Override
    public Optional<String> unavailableReason() {
      return Optional.empty();
    }

    @Override
    public Cgroup create(String name) {
      Map<String, Path> dirs = new LinkedHashMap<>();
      bases.forEach((c, base) -> dirs.put(c, base.resolve(name)));
      for (Path d : dirs.values()) {
        files.mkdirs(d);
      }
      return new CgroupV1(dirs, files);
    }

    @Override
    public List<Path> dirsOf(String name) {
      return bases.values().stream().distinct().map(b -> b.resolve(name)).toList();
    }

    @Override
    public void setWeight(String name, int timesNormal) {
      Path dir = bases.get("cpu").resolve(name);
      files.mkdirs(dir);
      files.write(dir.resolve("cpu.shares"), Long.toString(1024L * Math.max(1, timesNormal)));
    }

    @Override
    public void moveCpu(long pid, String name) {
      Path dir = name == null ? homeCpu : bases.get("cpu").resolve(name);
      files.mkdirs(dir);
      files.write(dir.resolve("cgroup.procs"), Long.toString(pid));
    }
  }

  /** cgroup v2: one folder; controllers must be enabled down the path. */
  record V2(Path base, CgroupFiles files) implements CgroupDriver {
    static CgroupDriver open(Path base, CgroupFiles files) {
      if (!Files.isWritable(base)) {
        return new None("cgroup v2 group " + base + " is not writable by this user");
      }
      String controllers =
          Files.exists(base.resolve("cgroup.controllers"))
              ? new CgroupFiles(files.real()).read(base.resolve("cgroup.controllers"))
              : "";
      if (!List.of(controllers.split("\\s+")).containsAll(List.of("cpu", "memory"))) {
        return new None(
            "cgroup v2 group "
                + base
                + " does not offer the cpu and memory controllers (it offers '"
                + controllers
                + "'); run under a delegated group, e.g. systemd-run --user --scope -p"
                + " Delegate=yes, or set "
                + CgroupSystem.PARENT_ENV);
      }
      return new V2(base, files);
    }

    @Override
    public String describe() {
      return "cgroup v2";
    }

    @Override
    public Optional<String> unavailableReason() {
      return Optional.empty();
    }

    @Override
    public Cgroup create(String name) {
      Path dir = base.resolve(name);
      files.mkdirs(dir);
      for (Path p = base; !p.equals(dir); p = p.resolve(dir.getName(p.getNameCount()))) {
        try {
          files.write(p.resolve("cgroup.subtree_control"), "+cpu +memory");
        } catch (CgroupException e) {
          throw new CgroupException(
              e.getMessage()
                  + " (cgroup v2 lets a group with processes in it delegate no controllers: run"
                  + " the testbed under a delegated group, or set "
                  + CgroupSystem.PARENT_ENV
                  + ")",
              e,
              e.busy());
        }
      }
      return new CgroupV2(dir, files);
    }

    @Override
    public List<Path> dirsOf(String name) {
      return List.of(base.resolve(name));
    }

    @Override
    public void setWeight(String name, int timesNormal) {
      Path dir = base.resolve(name);
      files.mkdirs(dir);
      files.write(
          dir.resolve("cpu.weight"),
          Long.toString(Math.min(10_000, 100L * Math.max(1, timesNormal))));
    }

    /** Not on v2: a process may not sit in a group that delegates controllers. */
    @Override
    public void moveCpu(long pid, String name) {}
  }

  /** No writable cgroups: nothing is enforced; processes are measured through /proc. */
  record None(String reason) implements CgroupDriver {
    @Override
    public String describe() {
      return "no limits";
    }

    @Override
    public Optional<String> unavailableReason() {
      return Optional.of(reason);
    }

    @Override
    public Cgroup create(String name) {
      return new ProcessGroup();
    }

    @Override
    public List<Path> dirsOf(String name) {
      return List.of();
    }

    @Override
    public void setWeight(String name, int timesNormal) {}

    @Override
    public void moveCpu(long pid, String name) {}
  }
}
