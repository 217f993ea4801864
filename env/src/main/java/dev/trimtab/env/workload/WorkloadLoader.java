package dev.trimtab.env.workload;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.config.YamlReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads workloads from YAML files and one-line specs (format: {@code docs/formats/workload.md}).
 * Every problem is a {@link ConfigException} naming the file or spec, the field and what is
 * allowed.
 */
public final class WorkloadLoader {
  private static final Pattern SPEC = Pattern.compile("[a-z][a-z-]*:.*|[a-z][a-z-]*");

  private WorkloadLoader() {}

  /** Reads a YAML workload file; relative trace paths resolve against the file's folder. */
  public static WorkloadSpec load(Path yamlFile) {
    String source = yamlFile.toString();
    if (!Files.isRegularFile(yamlFile)) {
      throw new ConfigException(source, "", "no such workload file: " + yamlFile.toAbsolutePath());
    }
    return WorkloadBinder.bind(
        YamlReader.read(yamlFile, source, "a workload YAML file"),
        yamlFile.toAbsolutePath().getParent());
  }

  /** Binds YAML text; {@code source} names it in errors, trace paths resolve against baseDir. */
  static WorkloadSpec parseYaml(String text, String source, Path baseDir) {
    return WorkloadBinder.bind(YamlReader.parse(text, source), baseDir);
  }

  /**
   * Parses a one-line spec, {@code kind:key=value,key=value}, e.g. {@code poisson:rate=200} or
   * {@code trace:file=nasa.txt.gz,target-rate=500}; relative trace paths resolve against {@code
   * baseDir}.
   */
  public static WorkloadSpec parseSpec(String spec, Path baseDir) {
    return SpecParser.parse(spec.trim(), baseDir);
  }

  /**
   * A file if {@code fileOrSpec}, resolved against {@code baseDir}, names an existing file;
   * otherwise a spec if it starts with a lower-case kind name followed by ':' (or is a bare kind
   * name); otherwise an error saying neither was found.
   */
  public static WorkloadSpec resolve(String fileOrSpec, Path baseDir) {
    Path file = null;
    try {
      file = baseDir.resolve(fileOrSpec);
    } catch (InvalidPathException e) {
      // not a path on this system: it can only be a spec
    }
    if (file != null && Files.isRegularFile(file)) {
      return load(file);
    }
    if (SPEC.matcher(fileOrSpec.trim()).matches()) {
      return parseSpec(fileOrSpec, baseDir);
    }
    throw new ConfigException(
        "workload '" + fileOrSpec + "'",
        "",
        "neither an existing file (looked for "
            + (file == null ? fileOrSpec : file.toAbsolutePath())
            + ") nor a spec 'kind:key=value,...' with kind one of "
            + String.join(", ", WorkloadBinder.KINDS));
  }
}
