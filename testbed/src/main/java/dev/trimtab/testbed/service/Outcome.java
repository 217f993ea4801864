package dev.trimtab.testbed.service;

/**
 * How a call ended, with the simulator's classes of failure: a call is dropped when a full queue
 * turned it away somewhere on its path (HTTP 503), and errored for any other failure (an error, a
 * timeout, a crashed or unreachable callee). The first failure's class travels up to the client in
 * the {@link #HEADER} response header.
 */
public enum Outcome {
  OK(200),
  DROPPED(503),
  ERRORED(500);

  /** Response header that carries a failed call's class, {@code dropped} or {@code errored}. */
  public static final String HEADER = "X-Trimtab-Failure";

  private final int status;

  Outcome(int status) {
    this.status = status;
  }

  /** The HTTP status the service answers with. */
  public int status() {
    return status;
  }

  /** The header value for a failure. */
  public String headerValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The outcome of a response: 200 is OK; the header (or a 503) tells a drop from an error. */
  public static Outcome of(int status, String header) {
    if (status == 200) {
      return OK;
    }
    if ("dropped".equals(header) || (header == null && status == 503)) {
      return DROPPED;
    }
    return ERRORED;
  }
}
