package dev.trimtab.faults.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where this process's cgroups are: the cgroup mounts from {@code /proc/self/mountinfo} and its own
 * group in each hierarchy from {@code /proc/self/cgroup}. Tests point both files, and the mounts,
 * at a folder tree of their own.
 *
 * @param parent the group new groups go under, as a path inside each hierarchy (e.g. {@code
 *     /trimtab}); null to nest them under this process's own group, as delegation asks
 * @param real whether the mounts are the kernel's cgroup file system
 */
public record CgroupSystem(Path mountinfo, Path selfCgroup, String parent, boolean real) {

  /** Environment variable that sets {@link #parent}. */
  public static final String PARENT_ENV = "TRIMTAB_CGROUP_PARENT";

  /** This host, with {@code TRIMTAB_CGROUP_PARENT} if set. */
  public static CgroupSystem host() {
    String parent = System.getenv(PARENT_ENV);
    return new CgroupSystem(
        Path.of("/proc/self/mountinfo"),
        Path.of("/proc/self/cgroup"),
        parent == null || parent.isBlank() ? null : parent,
        true);
  }

  /** A cgroup v1 hierarchy ({@code controllers} it carries) or the v2 one (empty list). */
  record Mount(Path mountPoint, String root, List<String> controllers, boolean v2) {}

  List<Mount> mounts() throws IOException {
    List<Mount> out = new ArrayList<>();
    for (String line : Files.readAllLines(mountinfo)) {
      String[] halves = line.split(" - ", 2);
      if (halves.length != 2) {
        continue;
      }
      String[] left = halves[0].split(" ");
      String[] right = halves[1].split(" ");
      if (left.length < 5 || right.length < 3) {
        continue;
      }
      String type = right[0];
      if (type.equals("cgroup")) {
        List<String> controllers = new ArrayList<>();
        for (String opt : right[2].split(",")) {
          if (!opt.equals("rw") && !opt.equals("ro") && !opt.contains("=")) {
            controllers.add(opt);
          }
        }
        out.add(new Mount(Path.of(unescape(left[4])), unescape(left[3]), controllers, false));
      } else if (type.equals("cgroup2")) {
        out.add(new Mount(Path.of(unescape(left[4])), unescape(left[3]), List.of(), true));
      }
    }
    return out;
  }

  /** This process's group per v1 controller, and under the key {@code ""} its v2 group. */
  Map<String, String> ownGroups() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(selfCgroup)) {
      String[] f = line.split(":", 3);
      if (f.length != 3) {
        continue;
      }
      if (f[1].isEmpty()) {
        out.put("", f[2]);
      } else {
        for (String c : f[1].split(",")) {
          out.put(c, f[2]);
        }
      }
    }
    return out;
  }

  /** The folder, under {@code mount}, of the group at {@code path} inside the hierarchy. */
  static Path dirOf(Mount mount, String path) {
    String p = path;
    if (!mount.root().equals("/") && p.startsWith(mount.root())) {
      p = p.substring(mount.root().length());
    }
    p = p.replaceAll("^/+", "");
    return p.isEmpty() ? mount.mountPoint() : mount.mountPoint().resolve(p);
  }

  /** mountinfo escapes spaces and the like as octal ({@code \040}). */
  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        try {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
          i += 3;
          continue;
        } catch (NumberFormatException e) {
          // not an escape
        }
      }
      b.append(c);
    }
    return b.toString();
  }
}
