package dev.trimtab.faults.problem;

import dev.trimtab.env.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The suites bundled with Trimtab, and resolution of a {@code --suite} argument: a bundled name, or
 * else a folder. A suite folder's problems are its {@code *.yaml} files (not those in subfolders,
 * which hold the topologies, workloads and traces problems refer to), sorted by file name.
 *
 * <p>A bundled suite lives under {@code /dev/trimtab/faults/suites/NAME/} on the class path, with
 * {@code index.txt} listing its files (class-path folders cannot be listed inside a jar). It is
 * copied once per JVM to a temporary folder, so that relative references resolve as they do for a
 * user's folder; messages still name {@code bundled:NAME/FILE}.
 */
public final class Suites {
  private static final String RESOURCE_DIR = "/dev/trimtab/faults/suites/";
  private static final List<String> BUNDLED = List.of("chaos-basic", "chaos-ood", "live-basic");
  private static final Map<String, Path> EXTRACTED = new HashMap<>();

  private Suites() {}

  /** Names of the bundled suites. */
  public static List<String> bundledNames() {
    return BUNDLED;
  }

  /**
   * The bundled suite called {@code nameOrDir}, or else the suite in that folder.
   *
   * @throws ConfigException naming the suite (or a problem file, field and allowed values)
   */
  public static Suite resolve(String nameOrDir) {
    if (BUNDLED.contains(nameOrDir)) {
      return load(extract(nameOrDir), nameOrDir, "bundled:" + nameOrDir);
    }
    Path dir = Path.of(nameOrDir);
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          nameOrDir,
          "",
          "no bundled suite of this name and no such folder; bundled suites: "
              + String.join(", ", BUNDLED)
              + "; or give a folder of problem files");
    }
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return load(dir, name == null ? nameOrDir : name.toString(), dir.toString());
  }

  /** Loads every {@code *.yaml} directly in {@code dir}, in file-name order. */
  static Suite load(Path dir, String name, String source) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new ConfigException(source, "", "cannot list the suite folder: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new ConfigException(source, "", "no problem files (*.yaml) in the suite folder");
    }
    List<Problem> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path file : files) {
      String problemSource = source + "/" + file.getFileName();
      Problem p = ProblemLoader.load(file, problemSource);
      if (!names.add(p.name())) {
        throw new ConfigException(
            problemSource, "name", "another problem of the suite is already called " + p.name());
      }
      problems.add(p);
    }
    return new Suite(name, source, problems);
  }

  private static synchronized Path extract(String name) {
    Path dir = EXTRACTED.get(name);
    if (dir != null) {
      return dir;
    }
    try {
      dir = Files.createTempDirectory("trimtab-suite-" + name + "-");
      dir.toFile().deleteOnExit();
      for (String file : index(name)) {
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        target.getParent().toFile().deleteOnExit();
        Files.write(target, resource(name + "/" + file));
        target.toFile().deleteOnExit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EXTRACTED.put(name, dir);
    return dir;
  }

  /** The files of a bundled suite, as its {@code index.txt} lists them (blank lines skipped). */
  static List<String> index(String name) {
    String text = new String(resource(name + "/index.txt"), StandardCharsets.UTF_8);
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static byte[] resource(String path) {
    try (InputStream in = Suites.class.getResourceAsStream(RESOURCE_DIR + path)) {
      if (in == null) {
        throw new IllegalStateException("bundled suite file missing from the jar: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
