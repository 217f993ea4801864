package dev.trimtab.rca.model;

/** The training data cannot make a useful model; the message says why and where. */
public final class DegenerateModelException extends IllegalArgumentException {
  public DegenerateModelException(String message) {
    super(message);
  }
}
