package dev.trimtab.env.testkit;

/**
 * An env broke a rule of its contract. It is an {@link AssertionError} so that test frameworks
 * report it as a failed check rather than as a crash; the message starts with the rule's name and
 * what the rule requires, then says what the env did.
 */
public final class EnvCheckException extends AssertionError {
  private final EnvRule rule;

  public EnvCheckException(EnvRule rule, String detail) {
    this(rule, detail, null);
  }

  public EnvCheckException(EnvRule rule, String detail, Throwable cause) {
    super("[" + rule + "] " + rule.description() + ": " + detail, cause);
    this.rule = rule;
  }

  /** The rule that failed. */
  public EnvRule rule() {
    return rule;
  }
}
