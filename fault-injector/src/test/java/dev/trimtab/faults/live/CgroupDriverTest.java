package dev.trimtab.faults.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection and group files on fake cgroup trees (plain folders with the files the kernel would
 * show): the layouts of this build machine (cgroup v1, cpu and cpuacct mounted apart, the process
 * in a memory sub-group), co-mounted v1, v2, and none.
 */
class CgroupDriverTest {
  @TempDir Path tmp;

  private CgroupSystem system(String mountinfo, String selfCgroup, String parent)
      throws IOException {
    Path mi = tmp.resolve("mountinfo");
    Path sc = tmp.resolve("cgroup");
    Files.writeString(mi, mountinfo.replace("ROOT", tmp.toString()));
    Files.writeString(sc, selfCgroup);
    return new CgroupSystem(mi, sc, parent, false);
  }

  private Path mkdirs(String rel) throws IOException {
    return Files.createDirectories(tmp.resolve(rel));
  }

  private static final String V1_SPLIT =
      String.join(
          "\n",
          "30 25 0:26 / ROOT/cpu rw,relatime - cgroup cgroup rw,cpu",
          "31 25 0:27 / ROOT/cpuacct rw,relatime - cgroup cgroup rw,cpuacct",
          "32 25 0:28 / ROOT/memory rw,relatime - cgroup cgroup rw,memory",
          "33 25 0:29 / ROOT/freezer rw,relatime - cgroup cgroup rw,freezer",
          "34 25 0:30 / ROOT/unified rw,relatime - cgroup2 cgroup2 rw",
          "");

  @Test
  void v1WithSplitHierarchiesNestsEachGroupUnderTheProcessOwnGroup() throws IOException {
    mkdirs("cpu");
    mkdirs("cpuacct");
    mkdirs("memory/process_api/abc");
    mkdirs("freezer");
    CgroupDriver d =
        CgroupDriver.detect(
            system(V1_SPLIT, "4:memory:/process_api/abc\n2:cpuacct:/\n1:cpu:/\n0::/\n", null));
    assertInstanceOf(CgroupDriver.V1.class, d);
    assertTrue(d.limits());
    Cgroup g = d.create("trimtab/t1/db-0");
    assertEquals(
        List.of(
            tmp.resolve("cpu/trimtab/t1/db-0"),
            tmp.resolve("cpuacct/trimtab/t1/db-0"),
            tmp.resolve("freezer/trimtab/t1/db-0"),
            tmp.resolve("memory/process_api/abc/trimtab/t1/db-0")),
        g.dirs());
    g.setCpuLimit(0.25, 10_000);
    assertEquals("10000", read("cpu/trimtab/t1/db-0/cpu.cfs_period_us"));
    assertEquals("2500", read("cpu/trimtab/t1/db-0/cpu.cfs_quota_us"), "0.25 x 10 ms");
    g.setMemoryLimit(448L << 20);
    assertEquals(
        Long.toString(448L << 20),
        read("memory/process_api/abc/trimtab/t1/db-0/memory.limit_in_bytes"));
    g.setFrozen(true);
    assertEquals("FROZEN", read("freezer/trimtab/t1/db-0/freezer.state"));
    Files.writeString(tmp.resolve("cpuacct/trimtab/t1/db-0/cpuacct.usage"), "123456789\n");
    assertEquals(123_456_789L, g.cpuUsageNanos());
    Files.writeString(
        tmp.resolve("cpu/trimtab/t1/db-0/cpu.stat"),
        "nr_periods 10\nnr_throttled 3\nthrottled_time 4500000\n");
    assertEquals(4_500_000L, g.throttledNanos());
  }

  @Test
  void aLimitBelowAMillisecondPerPeriodGetsALongerPeriodNotAHigherLimit() throws IOException {
    mkdirs("cpu");
    mkdirs("memory");
    CgroupDriver d =
        CgroupDriver.detect(
            system(
                "30 25 0:26 / ROOT/cpu rw - cgroup cgroup rw,cpu\n"
                    + "32 25 0:28 / ROOT/memory rw - cgroup cgroup rw,memory\n",
                "4:memory:/\n1:cpu:/\n",
                null));
    Cgroup g = d.create("g");
    g.setCpuLimit(0.05, 10_000);
    assertEquals("20000", read("cpu/g/cpu.cfs_period_us"));
    assertEquals("1000", read("cpu/g/cpu.cfs_quota_us"), "0.05 cores as 1 ms per 20 ms");
    g.setCpuLimit(0.0001, 10_000);
    assertEquals("1000000", read("cpu/g/cpu.cfs_period_us"), "the kernel's longest period");
    assertEquals("1000", read("cpu/g/cpu.cfs_quota_us"));
  }

  @Test
  void coMountedCpuAndCpuacctShareOneFolder() throws IOException {
    mkdirs("cpu,cpuacct/c");
    mkdirs("memory/m");
    CgroupDriver d =
        CgroupDriver.detect(
            system(
                "30 25 0:26 / ROOT/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
                    + "32 25 0:28 / ROOT/memory rw - cgroup cgroup rw,memory\n",
                "4:memory:/m\n2:cpu,cpuacct:/c\n",
                null));
    Cgroup g = d.create("x");
    assertEquals(List.of(tmp.resolve("cpu,cpuacct/c/x"), tmp.resolve("memory/m/x")), g.dirs());
    Files.writeString(tmp.resolve("cpu,cpuacct/c/x/cpuacct.usage"), "42");
    assertEquals(42, g.cpuUsageNanos());
  }

  @Test
  void aParentOverridePlacesGroupsThereInEveryHierarchy() throws IOException {
    mkdirs("cpu/shared");
    mkdirs("memory/shared");
    CgroupDriver d =
        CgroupDriver.detect(
            system(
                "30 25 0:26 / ROOT/cpu rw - cgroup cgroup rw,cpu\n"
                    + "32 25 0:28 / ROOT/memory rw - cgroup cgroup rw,memory\n",
                "4:memory:/elsewhere\n1:cpu:/elsewhere\n",
                "/shared"));
    assertEquals(
        List.of(tmp.resolve("cpu/shared/a"), tmp.resolve("memory/shared/a")), d.create("a").dirs());
  }

  @Test
  void v2WritesCpuMaxAndMemoryMaxAndDelegatesControllersDownThePath() throws IOException {
    Path base = mkdirs("unified/user/me");
    Files.writeString(base.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    CgroupDriver d =
        CgroupDriver.detect(
            system("34 25 0:30 / ROOT/unified rw - cgroup2 cgroup2 rw\n", "0::/user/me\n", null));
    assertInstanceOf(CgroupDriver.V2.class, d);
    Cgroup g = d.create("trimtab/t/db-0");
    g.setCpuLimit(1.5, 20_000);
    assertEquals("30000 20000", Files.readString(base.resolve("trimtab/t/db-0/cpu.max")));
    g.setMemoryLimit(1 << 20);
    assertEquals("1048576", Files.readString(base.resolve("trimtab/t/db-0/memory.max")));
    for (String level : List.of("", "trimtab/", "trimtab/t/")) {
      assertEquals(
          "+cpu +memory", Files.readString(base.resolve(level + "cgroup.subtree_control")), level);
    }
    Files.writeString(
        base.resolve("trimtab/t/db-0/cpu.stat"), "usage_usec 2500\nthrottled_usec 7\n");
    assertEquals(2_500_000, g.cpuUsageNanos());
    assertEquals(7000, g.throttledNanos());
    g.setFrozen(true);
    assertEquals("1", Files.readString(base.resolve("trimtab/t/db-0/cgroup.freeze")));
  }

  @Test
  void v2WithoutTheCpuAndMemoryControllersIsNoLimitsWithAReasonThatSaysWhatToDo()
      throws IOException {
    Path base = mkdirs("unified/user/me");
    Files.writeString(base.resolve("cgroup.controllers"), "pids\n");
    CgroupDriver d =
        CgroupDriver.detect(
            system("34 25 0:30 / ROOT/unified rw - cgroup2 cgroup2 rw\n", "0::/user/me\n", null));
    assertFalse(d.limits());
    String why = d.unavailableReason().orElseThrow();
    assertTrue(why.contains("Delegate=yes") && why.contains(CgroupSystem.PARENT_ENV), why);
  }

  @Test
  void noCgroupMountsAtAllIsNoLimits() throws IOException {
    CgroupDriver d =
        CgroupDriver.detect(system("22 1 0:21 / /proc rw - proc proc rw\n", "0::/\n", null));
    assertFalse(d.limits());
    assertEquals("no limits", d.describe());
    Cgroup g = d.create("anything");
    assertFalse(g.enforcing());
    assertTrue(g.dirs().isEmpty());
  }

  @Test
  void aHierarchyThisUserCannotWriteIsNoLimitsNamingTheGroup() throws IOException {
    Path cpu = mkdirs("cpu");
    mkdirs("memory");
    assertTrue(cpu.toFile().setWritable(false, false));
    try {
      if (Files.isWritable(cpu)) {
        return; // root ignores permissions; the real-host tests cover this user's case
      }
      CgroupDriver d =
          CgroupDriver.detect(
              system(
                  "30 25 0:26 / ROOT/cpu rw - cgroup cgroup rw,cpu\n"
                      + "32 25 0:28 / ROOT/memory rw - cgroup cgroup rw,memory\n",
                  "4:memory:/\n1:cpu:/\n",
                  null));
      assertFalse(d.limits());
      assertTrue(d.unavailableReason().orElseThrow().contains(cpu.toString()));
    } finally {
      cpu.toFile().setWritable(true, false);
    }
  }

  @Test
  void removeRecordedRemovesTheWholeTreeAndToleratesWhatIsGone() throws IOException {
    mkdirs("cpu");
    mkdirs("memory");
    CgroupDriver d =
        CgroupDriver.detect(
            system(
                "30 25 0:26 / ROOT/cpu rw - cgroup cgroup rw,cpu\n"
                    + "32 25 0:28 / ROOT/memory rw - cgroup cgroup rw,memory\n",
                "4:memory:/\n1:cpu:/\n",
                null));
    d.create("trimtab/t/a-0").setCpuLimit(1, 10_000);
    d.create("trimtab/t/b-0").setMemoryLimit(1);
    List<Path> roots = d.dirsOf("trimtab/t");
    assertEquals(List.of(), CgroupDriver.removeRecorded(roots, false));
    for (Path r : roots) {
      assertFalse(Files.exists(r), r.toString());
    }
    assertEquals(List.of(), CgroupDriver.removeRecorded(roots, false), "twice is fine");
  }

  private String read(String rel) throws IOException {
    return Files.readString(tmp.resolve(rel)).strip();
  }
}
