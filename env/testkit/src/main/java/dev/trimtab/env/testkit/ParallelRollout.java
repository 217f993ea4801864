package dev.trimtab.env.testkit;

import dev.trimtab.env.api.ParallelEnv;
import dev.trimtab.env.api.ParallelReset;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import dev.trimtab.env.space.Space;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** One seeded rollout of a parallel env with every per-call rule checked on the way. */
final class ParallelRollout<I, O, A> {
  private final ParallelEnv<I, O, A> env;
  private final List<I> possible;
  private final Map<I, Space<O>> observationSpaces = new LinkedHashMap<>();
  private final Map<I, Space<A>> actionSpaces = new LinkedHashMap<>();
  private final Box stateSpace;
  private int episodesEnded;

  ParallelRollout(ParallelEnv<I, O, A> env) {
    this.env = env;
    this.possible = List.copyOf(env.possibleAgents());
    if (possible.isEmpty() || new HashSet<>(possible).size() != possible.size()) {
      throw new EnvCheckException(EnvRule.POSSIBLE_AGENTS, "possibleAgents() is " + possible);
    }
    for (I agent : possible) {
      observationSpaces.put(agent, env.observationSpace(agent));
      actionSpaces.put(agent, env.actionSpace(agent));
    }
    this.stateSpace = env.stateSpace();
  }

  int episodesEnded() {
    return episodesEnded;
  }

  /**
   * Events in order. Samples and appends each step's actions when {@code random} is given; when
   * {@code expected} is given, compares each event with it as soon as it happens, so the first
   * difference is the one reported (and a replay never sends actions for a diverged agent set).
   */
  List<ParallelEvent<I, O>> run(
      long seed,
      int steps,
      List<Map<I, A>> actions,
      RandomGenerator random,
      List<ParallelEvent<I, O>> expected,
      String how) {
    List<ParallelEvent<I, O>> events = new ArrayList<>();
    Consumer<ParallelEvent<I, O>> add =
        event -> {
          events.add(event);
          if (expected != null) {
            ParallelEvent.compare(env, expected, events.size() - 1, event, how);
          }
        };
    episodesEnded = 0;
    add.accept(afterReset(env.reset(seed), "reset(" + seed + ")"));
    for (int t = 0; t < steps; t++) {
      String where = "step " + t + " (episode " + episodesEnded + ")";
      List<I> live = checkedAgents(where + ", before");
      if (random != null) {
        actions.add(sample(live, random));
        probeBadActions(live, actions.get(t), where);
      }
      Map<I, A> stepActions = actions.get(t);
      ParallelStep<I, O> step = Probes.acceptedStep(() -> env.step(stepActions), where);
      add.accept(afterStep(live, step, where));
      if (env.agents().isEmpty()) {
        episodesEnded++;
        Probes.expectThrows(
            EnvRule.STEP_AFTER_DONE,
            IllegalStateException.class,
            where + " left no agent live, yet a further step",
            () -> env.step(Map.of()));
        add.accept(afterReset(env.reset(), "reset() after " + where));
      }
    }
    return events;
  }

  private Map<I, A> sample(List<I> live, RandomGenerator random) {
    Map<I, A> out = new LinkedHashMap<>();
    for (I agent : live) {
      out.put(agent, actionSpaces.get(agent).sample(random));
    }
    return out;
  }

  /**
   * Only the reference rollout probes, so comparing it with the others also checks that a refused
   * step left the env unchanged.
   */
  private void probeBadActions(List<I> live, Map<I, A> actions, String where) {
    I first = live.get(0);
    Map<I, A> outside = new LinkedHashMap<>(actions);
    @SuppressWarnings("unchecked")
    A bad = (A) Probes.outside(actionSpaces.get(first));
    outside.put(first, bad);
    Probes.expectRefused(
        where
            + ": a step whose action for "
            + first
            + " is "
            + Probes.render(actionSpaces.get(first), bad)
            + ", outside "
            + actionSpaces.get(first),
        () -> env.step(outside));
    I last = live.get(live.size() - 1);
    Map<I, A> missing = new LinkedHashMap<>(actions);
    missing.remove(last);
    Probes.expectRefused(
        where + ": a step without an action for live agent " + last, () -> env.step(missing));
    for (I agent : possible) {
      if (!live.contains(agent)) {
        Map<I, A> extra = new LinkedHashMap<>(actions);
        extra.put(agent, actionSpaces.get(agent).sample(new SplittableRandom(0)));
        Probes.expectRefused(
            where + ": a step with an action for agent " + agent + ", which is done (not live)",
            () -> env.step(extra));
        return;
      }
    }
  }

  private ParallelEvent<I, O> afterReset(ParallelReset<I, O> reset, String where) {
    List<I> live = checkedAgents(where);
    if (live.isEmpty()) {
      throw new EnvCheckException(EnvRule.AGENT_SET, where + ": no agent is live after a reset");
    }
    ParallelEnvChecker.checkKeys(live, reset.resets(), where);
    ParallelEnvChecker.checkReset(env, reset, where);
    Map<I, Step<O>> asSteps = new LinkedHashMap<>();
    for (Map.Entry<I, Reset<O>> e : reset.resets().entrySet()) {
      asSteps.put(e.getKey(), Step.of(e.getValue().observation(), 0, false, false));
    }
    return new ParallelEvent<>(true, asSteps, checkedState(where));
  }

  private ParallelEvent<I, O> afterStep(List<I> live, ParallelStep<I, O> step, String where) {
    ParallelEnvChecker.checkKeys(live, step.steps(), where);
    ParallelEnvChecker.checkStep(env, step, where);
    List<I> now = checkedAgents(where + ", after");
    for (I agent : live) {
      boolean done = step.step(agent).done();
      if (done == now.contains(agent)) {
        throw new EnvCheckException(
            EnvRule.AGENT_SET,
            where
                + ": agent "
                + agent
                + (done ? " was done but is still live" : " was not done but left agents()")
                + ", agents() now "
                + now);
      }
    }
    return new ParallelEvent<>(false, step.steps(), checkedState(where));
  }

  private List<I> checkedAgents(String where) {
    checkSpaces(where);
    List<I> live = List.copyOf(env.agents());
    if (!possible.equals(env.possibleAgents())) {
      throw new EnvCheckException(
          EnvRule.POSSIBLE_AGENTS, where + ": changed to " + env.possibleAgents());
    }
    if (!possible.containsAll(live) || new HashSet<>(live).size() != live.size()) {
      throw new EnvCheckException(
          EnvRule.AGENT_SET, where + ": agents() " + live + ", possible " + possible);
    }
    return live;
  }

  private double[] checkedState(String where) {
    double[] state = env.state();
    Probes.inSpace(EnvRule.STATE_IN_SPACE, stateSpace, state, where);
    return state.clone();
  }

  private void checkSpaces(String where) {
    for (I agent : possible) {
      Probes.sameObject(
          observationSpaces.get(agent),
          env.observationSpace(agent),
          "observationSpace(" + agent + ") at " + where);
      Probes.sameObject(
          actionSpaces.get(agent),
          env.actionSpace(agent),
          "actionSpace(" + agent + ") at " + where);
    }
    Probes.sameObject(stateSpace, env.stateSpace(), "stateSpace() at " + where);
  }
}
