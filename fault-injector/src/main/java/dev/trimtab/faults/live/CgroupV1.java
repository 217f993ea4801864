package dev.trimtab.faults.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A group in the cgroup v1 hierarchies: {@code cpu}, {@code cpuacct}, {@code memory}, {@code
 * freezer}.
 */
final class CgroupV1 implements Cgroup {
  private final Map<String, Path> dirs;
  private final CgroupFiles files;

  CgroupV1(Map<String, Path> dirs, CgroupFiles files) {
    this.dirs = Map.copyOf(dirs);
    this.files = files;
  }

  @Override
  public List<Path> dirs() {
    return dirs.values().stream().distinct().sorted().toList();
  }

  @Override
  public boolean enforcing() {
    return true;
  }

  private Path dir(String controller) {
    return dirs.get(controller);
  }

  @Override
  public void setCpuLimit(double cores, long periodUs) {
    long period = Cgroup.periodFor(cores, periodUs);
    long quota = Math.max(Cgroup.MIN_QUOTA_US, Math.round(cores * period));
    files.write(dir("cpu").resolve("cpu.cfs_period_us"), Long.toString(period));
    files.write(dir("cpu").resolve("cpu.cfs_quota_us"), Long.toString(quota));
  }

  @Override
  public void setMemoryLimit(long bytes) {
    files.write(dir("memory").resolve("memory.limit_in_bytes"), Long.toString(bytes));
  }

  @Override
  public void add(long pid) {
    for (Path d : dirs()) {
      files.write(d.resolve("cgroup.procs"), Long.toString(pid));
    }
  }

  @Override
  public List<Long> pids() {
    return files.pids(dir("cpu"));
  }

  @Override
  public long cpuUsageNanos() {
    Path acct = dirs.containsKey("cpuacct") ? dir("cpuacct") : dir("cpu");
    Path usage = acct.resolve("cpuacct.usage");
    return Files.exists(usage) ? files.readLong(usage) : -1;
  }

  @Override
  public long throttledNanos() {
    return files.keyed(dir("cpu").resolve("cpu.stat"), "throttled_time");
  }

  @Override
  public long memoryUsageBytes() {
    return files.readLong(dir("memory").resolve("memory.usage_in_bytes"));
  }

  @Override
  public void setFrozen(boolean frozen) {
    if (dirs.containsKey("freezer")) {
      files.write(dir("freezer").resolve("freezer.state"), frozen ? "FROZEN" : "THAWED");
    } else {
      ProcessGroup.signalAll(pids(), frozen ? "STOP" : "CONT");
    }
  }

  @Override
  public void remove() {
    List<String> failures = CgroupDriver.removeRecorded(dirs(), files.real());
    if (!failures.isEmpty()) {
      throw new CgroupException(String.join("; ", failures), null, true);
    }
  }
}
