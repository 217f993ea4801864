package dev.trimtab.cli.eval;

import dev.trimtab.env.io.AtomicFile;
import dev.trimtab.env.io.PartialFiles;
import dev.trimtab.faults.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An evaluation's output folder and the files in it that {@code eval} owns, and only those: {@code
 * leaderboard.json}, {@code leaderboard.md}, {@code report.html}, {@code plots/*.png}, and the
 * saved runs {@code runs/*.json} with their plan {@code runs/plan.json}. Other files in the folder
 * are never touched.
 */
public final class EvalFolder {
  public static final String RUNS = "runs";
  public static final String PLAN = "plan.json";

  private static final Set<String> TOP_FILES =
      Set.of(LeaderboardJson.FILE, LeaderboardMarkdown.FILE, Report.FILE);
  private static final Predicate<String> PNG = n -> n.endsWith(".png");
  private static final Predicate<String> JSON = n -> n.endsWith(".json");

  private final Path dir;

  public EvalFolder(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  private Path runs() {
    return dir.resolve(RUNS);
  }

  private Path plots() {
    return dir.resolve(Report.PLOTS);
  }

  /** The files eval owns that are in the folder now, in a stable order. */
  public List<Path> ownedFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String name : List.of(LeaderboardJson.FILE, LeaderboardMarkdown.FILE, Report.FILE)) {
      if (Files.isRegularFile(dir.resolve(name))) {
        files.add(dir.resolve(name));
      }
    }
    files.addAll(list(plots(), PNG));
    files.addAll(list(runs(), JSON));
    return files;
  }

  /** Saved runs in the folder (not counting the plan). */
  public int savedRunCount() throws IOException {
    return (int) list(runs(), JSON).stream().filter(p -> !p.endsWith(PLAN)).count();
  }

  /** Deletes every file eval owns (see the class comment), and nothing else. */
  public void clear() throws IOException {
    for (Path p : ownedFiles()) {
      Files.deleteIfExists(p);
    }
  }

  /**
   * A partial file of eval's that another live process is writing, or empty: then another {@code
   * eval} is using the folder.
   */
  public Optional<PartialFiles.Found> liveWriter() throws IOException {
    for (PartialFiles.Found f : partials()) {
      if (!f.stale()) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Removes eval's partial files left by a killed process; how many. */
  public int removeStalePartials() throws IOException {
    return PartialFiles.removeStale(dir, TOP_FILES::contains).size()
        + PartialFiles.removeStale(plots(), PNG).size()
        + PartialFiles.removeStale(runs(), JSON).size();
  }

  private List<PartialFiles.Found> partials() throws IOException {
    List<PartialFiles.Found> found = new ArrayList<>(PartialFiles.find(dir, TOP_FILES::contains));
    found.addAll(PartialFiles.find(plots(), PNG));
    found.addAll(PartialFiles.find(runs(), JSON));
    return found;
  }

  /**
   * The identity of the evaluation whose runs are saved here, or empty if none is.
   *
   * @throws IllegalArgumentException when {@code runs/plan.json} is not one
   */
  public Optional<EvalIdentity> savedIdentity() throws IOException {
    Path plan = runs().resolve(PLAN);
    if (!Files.isRegularFile(plan)) {
      return Optional.empty();
    }
    return Optional.of(EvalIdentity.parse(Files.readString(plan, StandardCharsets.UTF_8)));
  }

  /** Creates the folders and writes {@code runs/plan.json}. */
  public void start(EvalIdentity identity) throws IOException {
    Files.createDirectories(runs());
    AtomicFile.write(runs().resolve(PLAN), identity.render());
  }

  /** Saves one finished run, atomically. */
  public void save(EvalRun run, String planId) throws IOException {
    AtomicFile.write(runFile(run.key()), EvalRunJson.render(run, planId));
  }

  /**
   * The saved runs of the evaluation {@code planId} of {@code plan}.
   *
   * @throws IllegalArgumentException naming the file, for a file that is not a saved run of this
   *     plan
   */
  public Map<EvalRun.Key, EvalRun> load(EvalPlan plan, String planId) throws IOException {
    Map<EvalRun.Key, EvalRun> runs = new HashMap<>();
    for (Path file : list(runs(), JSON)) {
      if (file.endsWith(PLAN)) {
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      try {
        EvalRunJson.Header h = EvalRunJson.header(text);
        if (!h.plan().equals(planId)) {
          throw new IllegalArgumentException(
              "it belongs to another evaluation (plan " + h.plan() + ", not " + planId + ")");
        }
        Problem p = plan.suite().problem(h.key().problem());
        if (p == null
            || !plan.controllers().contains(h.key().controller())
            || !plan.seeds().contains(h.key().seed())) {
          throw new IllegalArgumentException("run " + h.key() + " is not in this evaluation");
        }
        if (!runFile(h.key()).equals(file)) {
          throw new IllegalArgumentException("it holds run " + h.key() + " under another name");
        }
        runs.put(h.key(), EvalRunJson.parse(text, p));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    return runs;
  }

  /** Where run {@code key} is saved: {@code runs/<problem>.<controller>.seed<N>.json}. */
  public Path runFile(EvalRun.Key key) {
    String name = safe(key.problem()) + "." + safe(key.controller()) + ".seed" + key.seed();
    if (!name.equals(key.problem() + "." + key.controller() + ".seed" + key.seed())) {
      name +=
          "-"
              + EvalIdentity.sha256(key.toString().getBytes(StandardCharsets.UTF_8))
                  .substring(0, 8);
    }
    return runs().resolve(name + ".json");
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static List<Path> list(Path folder, Predicate<String> names) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path p : files) {
        String n = p.getFileName().toString();
        if (!n.startsWith(".") && names.test(n) && Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    }
    out.sort(null);
    return out;
  }
}
