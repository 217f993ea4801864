package dev.trimtab.faults.live;

import java.nio.file.Path;
import java.util.List;

/** A group in the cgroup v2 hierarchy. */
final class CgroupV2 implements Cgroup {
  private final Path dir;
  private final CgroupFiles files;

  CgroupV2(Path dir, CgroupFiles files) {
    this.dir = dir;
    this.files = files;
  }

  @Override
  public List<Path> dirs() {
    return List.of(dir);
  }

  @Override
  public boolean enforcing() {
    return true;
  }

  @Override
  public void setCpuLimit(double cores, long periodUs) {
    long period = Cgroup.periodFor(cores, periodUs);
    long quota = Math.max(Cgroup.MIN_QUOTA_US, Math.round(cores * period));
    files.write(dir.resolve("cpu.max"), quota + " " + period);
  }

  @Override
  public void setMemoryLimit(long bytes) {
    files.write(dir.resolve("memory.max"), Long.toString(bytes));
  }

  @Override
  public void add(long pid) {
    files.write(dir.resolve("cgroup.procs"), Long.toString(pid));
  }

  @Override
  public List<Long> pids() {
    return files.pids(dir);
  }

  @Override
  public long cpuUsageNanos() {
    return files.keyed(dir.resolve("cpu.stat"), "usage_usec") * 1000;
  }

  @Override
  public long throttledNanos() {
    return files.keyed(dir.resolve("cpu.stat"), "throttled_usec") * 1000;
  }

  @Override
  public long memoryUsageBytes() {
    return files.readLong(dir.resolve("memory.current"));
  }

  @Override
  public void setFrozen(boolean frozen) {
    files.write(dir.resolve("cgroup.freeze"), frozen ? "1" : "0");
  }

  @Override
  public void remove() {
    List<String> failures = CgroupDriver.removeRecorded(dirs(), files.real());
    if (!failures.isEmpty()) {
      throw new CgroupException(String.join("; ", failures), null, true);
    }
  }
}
