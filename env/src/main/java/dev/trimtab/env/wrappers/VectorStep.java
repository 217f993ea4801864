package dev.trimtab.env.wrappers;

import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link SyncVectorEnv#step} returns, under the same-step autoreset rule: the transition
 * of every env, and the reset of every env whose episode ended in it.
 *
 * @param steps the transition of each env, index by index; when an env's step is done its {@link
 *     Step#observation()} is the final observation of the episode (bootstrap from it on truncation)
 * @param autoResets the reset of each env whose episode ended in this step, by env index; empty
 *     when no episode ended
 * @param <O> the observation type
 */
public record VectorStep<O>(List<Step<O>> steps, Map<Integer, Reset<O>> autoResets) {

  public VectorStep {
    steps = List.copyOf(steps);
    autoResets = Collections.unmodifiableMap(new TreeMap<>(autoResets));
    for (int index : autoResets.keySet()) {
      if (index < 0 || index >= steps.size()) {
        throw new IllegalArgumentException(
            "auto-reset of env " + index + ", but there are " + steps.size() + " envs");
      }
    }
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).done() != autoResets.containsKey(i)) {
        throw new IllegalArgumentException(
            "env " + i + " must be auto-reset exactly when its step is done");
      }
    }
  }

  /** The number of envs. */
  public int size() {
    return steps.size();
  }

  /**
   * The observation env {@code i}'s next action should answer: the reset observation if its episode
   * just ended, else the step's observation.
   */
  public O observation(int i) {
    Reset<O> reset = autoResets.get(i);
    return reset != null ? reset.observation() : steps.get(i).observation();
  }

  /** {@link #observation(int)} for every env, in index order. */
  public List<O> observations() {
    List<O> out = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      out.add(observation(i));
    }
    return Collections.unmodifiableList(out);
  }
}
