package dev.trimtab.env.config;

/**
 * A user-written file is wrong. The message names the file, the field (a path such as {@code
 * services[2].cpuLimitCores}) and what is allowed, so that the CLI can print it as is, without a
 * stack trace.
 */
public final class ConfigException extends RuntimeException {
  private final String source;
  private final String field;

  public ConfigException(String source, String field, String problem) {
    super(format(source, field, problem));
    this.source = source;
    this.field = field;
  }

  private static String format(String source, String field, String problem) {
    if (field == null || field.isEmpty()) {
      return source + ": " + problem;
    }
    return source + ": field '" + field + "': " + problem;
  }

  /** The file (or other source, such as a bundled name or a command-line spec) that is wrong. */
  public String source() {
    return source;
  }

  /** The path of the offending field, or empty when the whole file is at fault. */
  public String field() {
    return field;
  }
}
