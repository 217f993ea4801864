package dev.trimtab.cli;

/**
 * A value the user gave is not acceptable (too large, contradicts another, names a path that cannot
 * be written): exit status 2, and the message printed as it is, on one line.
 */
final class BadInput extends RuntimeException {
  BadInput(String message) {
    super(message);
  }
}
