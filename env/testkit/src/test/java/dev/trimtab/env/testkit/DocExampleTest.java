package dev.trimtab.env.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.api.Env;
import dev.trimtab.env.api.EpisodeStats;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.wrappers.RecordEpisodeStatistics;
import dev.trimtab.env.wrappers.TimeLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The code of docs/env-api.md, run. */
class DocExampleTest {

  @Test
  void theExampleLoopRunsAndItsEnvPassesTheChecker() {
    List<EpisodeStats> finished = new ArrayList<>();
    // --- example: loop ---
    Env<double[], Integer> env =
        new RecordEpisodeStatistics<>(new TimeLimit<>(new ReplicaEnv(), 50));
    SplittableRandom policy = new SplittableRandom(1);
    double[] observation = env.reset(42).observation();
    for (int t = 0; t < 500; t++) {
      int action = env.actionSpace().sample(policy); // a real agent decides from observation
      Step<double[]> step = env.step(action);
      observation = step.observation();
      if (step.done()) {
        step.info().episode().ifPresent(finished::add); // return and length of the episode
        observation = env.reset().observation(); // continues seed 42's stream
      }
    }
    // --- end ---
    assertTrue(finished.size() >= 10, "episodes of at most 50 steps: " + finished.size());
    assertTrue(finished.stream().allMatch(s -> s.lengthSteps() <= 50));
    assertTrue(env.observationSpace().contains(observation));

    // --- example: checker ---
    CheckReport report = EnvChecker.check(() -> new TimeLimit<>(new ReplicaEnv(), 50), 7L, 200);
    assertTrue(report.episodesEnded() > 0, "an episode must end for the end rules to be checked");
    // --- end ---
    assertEquals(200, report.steps());
  }
}
