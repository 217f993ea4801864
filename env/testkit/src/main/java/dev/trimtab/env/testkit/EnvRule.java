package dev.trimtab.env.testkit;

/**
 * The rules the env checkers enforce, one per clause of the {@code Env} and {@code ParallelEnv}
 * contracts. An {@link EnvCheckException} names the one that failed.
 */
public enum EnvRule {
  SPACES_STABLE("space getters return the same object on every call"),
  OBSERVATION_IN_SPACE("every observation from reset and step is inside its observation space"),
  REWARD_FINITE("every reward is finite"),
  UNSEEDED_RESET("reset() before any reset(seed) throws IllegalStateException"),
  STEP_BEFORE_RESET("step before the first reset throws IllegalStateException"),
  STEP_AFTER_DONE(
      "step after the episode ended (terminated or truncated; for a parallel env, no agent live)"
          + " throws IllegalStateException until reset"),
  EPISODE_ENDS_BY_FLAGS(
      "a step with valid actions in a running episode returns normally: an episode (or an agent)"
          + " ends only by a step flagged terminated or truncated"),
  RESET_DETERMINISTIC(
      "reset with the same seed gives equal observations (and agents and state), and reset()"
          + " after it continues that seed's stream the same way"),
  STEP_DETERMINISTIC(
      "the same seed and actions give equal observations, rewards, flags (and agents and state);"
          + " a refused action leaves the env unchanged"),
  POSSIBLE_AGENTS("possibleAgents() is non-empty, has no duplicates and never changes"),
  AGENT_SET(
      "agents() is a subset of possibleAgents() and loses exactly the agents whose step was done"),
  AGENT_KEYS(
      "a reset's results are keyed exactly by the agents live after it, a step's by the agents"
          + " live when it began (including those it ends)"),
  ACTIONS_VALIDATED(
      "step throws IllegalArgumentException for an action outside its action space and, for a"
          + " parallel env, when a live agent's action is missing or an action is for an agent"
          + " that is not live (one that is done)"),
  STATE_IN_SPACE("state() is inside stateSpace() after every reset and step");

  private final String description;

  EnvRule(String description) {
    this.description = description;
  }

  /** What the rule requires, in words. */
  public String description() {
    return description;
  }
}
