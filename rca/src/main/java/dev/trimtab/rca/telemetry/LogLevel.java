package dev.trimtab.rca.telemetry;

import java.util.Locale;

/** A log record's severity, from whatever a source writes (OTLP severity, a level word). */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR,
  FATAL,
  /** No level found. */
  UNKNOWN;

  /** Whether the line reports a failure: ERROR or FATAL. */
  public boolean isError() {
    return this == ERROR || this == FATAL;
  }

  /** The level a word names ({@code WARNING}, {@code err}, {@code critical}...), or null. */
  public static LogLevel ofWord(String word) {
    return switch (word.toUpperCase(Locale.ROOT)) {
      case "TRACE", "FINEST", "FINER" -> TRACE;
      case "DEBUG", "FINE" -> DEBUG;
      case "INFO", "INFORMATION", "NOTICE" -> INFO;
      case "WARN", "WARNING" -> WARN;
      case "ERROR", "ERR", "SEVERE" -> ERROR;
      case "FATAL", "CRITICAL", "CRIT", "PANIC", "ALERT", "EMERG", "EMERGENCY" -> FATAL;
      default -> null;
    };
  }

  /** OTLP {@code severityNumber} (1-4 TRACE ... 21-24 FATAL; 0 unspecified). */
  public static LogLevel ofOtlpSeverity(long n) {
    if (n <= 0 || n > 24) {
      return UNKNOWN;
    }
    return values()[(int) ((n - 1) / 4)];
  }

  /**
   * The level of a free-text line: the first level word among its first dozen tokens, as logback,
   * log4j, Python logging and Go's zap and logrus print it ({@code INFO}, {@code level=error},
   * {@code [WARN]}).
   */
  public static LogLevel ofLine(String line) {
    int tokens = 0;
    int i = 0;
    int n = Math.min(line.length(), 400);
    while (i < n && tokens < 12) {
      while (i < n && !Character.isLetter(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens++;
        int len = i - start;
        if (len >= 3 && len <= 11) {
          LogLevel l = ofWord(line.substring(start, i));
          if (l != null
              && (len > 3 || Character.isUpperCase(line.charAt(start)) || after(line, start))) {
            return l;
          }
        }
      }
    }
    return UNKNOWN;
  }

  /** {@code level=err} style: a lower-case short word counts only after {@code level=}. */
  private static boolean after(String line, int start) {
    return start >= 6 && line.startsWith("level=", start - 6);
  }
}
