package dev.trimtab.rca.trace;

/**
 * A trace file cannot be read: the one exception every importer throws for bad input, naming the
 * file (or other source), where in it, and what was wrong. Input it can make sense of but must
 * leave out (a span with a negative duration, a cycle) is skipped and counted in an {@link
 * ImportReport} instead.
 */
public final class TraceFormatException extends RuntimeException {
  private final String source;
  private final String where;

  public TraceFormatException(String source, String where, String problem) {
    super(source + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + clean(problem));
    this.source = source;
    this.where = where == null ? "" : where;
  }

  public TraceFormatException(String source, String where, String problem, Throwable cause) {
    this(source, where, problem);
    initCause(cause);
  }

  /** The problem with control and undecodable characters replaced: it may quote the input. */
  private static String clean(String problem) {
    StringBuilder b = new StringBuilder(problem.length());
    int nl = problem.indexOf('\n');
    String first = nl < 0 ? problem : problem.substring(0, nl);
    for (int i = 0; i < first.length() && i < 300; i++) {
      char c = first.charAt(i);
      b.append(c < 32 || c == 127 || c == 0xFFFD ? '?' : c);
    }
    return first.length() > 300 ? b + "..." : b.toString();
  }

  /** The file or other source that is wrong. */
  public String source() {
    return source;
  }

  /** Where in it: a line, a JSON path or a span, or empty. */
  public String where() {
    return where;
  }

  /** The problem without source and place. */
  public String problem() {
    String m = getMessage();
    int cut = source.length() + (where.isEmpty() ? 0 : where.length() + 2) + 2;
    return cut <= m.length() ? m.substring(cut) : m;
  }
}
