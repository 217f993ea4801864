package dev.trimtab.env.config;

/**
 * A user-written file is wrong. The message names the file, the field (a path such as {@code
 * services[2].cpuLimitCores}) and what is allowed, so that the CLI can print it as is, without a
 * stack trace: {@code FILE: field 'a.b[2].c': expected …; got …}.
 *
 * <p>The message is always one line of printable text: control characters, line breaks and other
 * invisible characters in any part (a file name, a field, a snippet of file content) are shown as
 * {@code \n} or {@code \u0007} escapes, and very long parts are cut, so that no input can write
 * binary bytes or terminal escape sequences to a user's terminal. {@link #source()}, {@link
 * #field()} and {@link #problem()} return the parts as given.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_NAME_CHARS = 300;
  private static final int MAX_PROBLEM_CHARS = 4000;

  private final String source;
  private final String field;
  private final String problem;

  public ConfigException(String source, String field, String problem) {
    super(format(source, field, problem));
    this.source = source;
    this.field = field == null ? "" : field;
    this.problem = problem;
  }

  private static String format(String source, String field, String problem) {
    String where = Snippet.printable(source, MAX_NAME_CHARS);
    String what = Snippet.printable(problem, MAX_PROBLEM_CHARS);
    if (field == null || field.isEmpty()) {
      return where + ": " + what;
    }
    return where + ": field '" + Snippet.printable(field, MAX_NAME_CHARS) + "': " + what;
  }

  /** The file (or other source, such as a bundled name or a command-line spec) that is wrong. */
  public String source() {
    return source;
  }

  /** The path of the offending field, or empty when the whole file is at fault. */
  public String field() {
    return field;
  }

  /** What is wrong, without the source and field in front. */
  public String problem() {
    return problem;
  }
}
