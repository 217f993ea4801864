package dev.trimtab.faults.spec;

/**
 * A fault spec field is out of range. {@link #field()} names the field as it is spelled in a
 * campaign file (e.g. {@code intensity} or {@code target.mode}), so that the campaign loader can
 * report the full path ({@code faults[3].target.mode}).
 */
public final class FaultFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public FaultFieldException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  /** The offending field, relative to the fault. */
  public String field() {
    return field;
  }

  /** The problem without the field name in front. */
  public String problem() {
    return getMessage().substring(field.length() + 1);
  }
}
