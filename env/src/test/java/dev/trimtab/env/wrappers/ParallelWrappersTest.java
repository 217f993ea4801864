package dev.trimtab.env.wrappers;

import static dev.trimtab.env.wrappers.TwoAgentEnv.LONG;
import static dev.trimtab.env.wrappers.TwoAgentEnv.SHORT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.api.EpisodeStats;
import dev.trimtab.env.api.ParallelStep;
import dev.trimtab.env.api.Step;
import dev.trimtab.env.space.Box;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parallel wrappers on a two-agent env in which "short" ends after 2 steps, "long" after 4. */
class ParallelWrappersTest {
  private static final double TOLERANCE = 1e-7;

  @Test
  void statisticsArePerAgentAndComeWhenEachAgentLeaves() {
    ParallelRecordEpisodeStatistics<String, double[], Integer> env =
        new ParallelRecordEpisodeStatistics<>(new TwoAgentEnv());
    env.reset(1);
    ParallelStep<String, double[]> first = env.step(Map.of(SHORT, 1, LONG, 1));
    assertEquals(Optional.empty(), first.step(SHORT).info().episode());
    ParallelStep<String, double[]> second = env.step(Map.of(SHORT, 1, LONG, 0));
    assertEquals(Optional.of(new EpisodeStats(2, 2)), second.step(SHORT).info().episode());
    assertEquals(Optional.empty(), second.step(LONG).info().episode());
    assertEquals(List.of(LONG), env.agents());
    env.step(Map.of(LONG, 1));
    ParallelStep<String, double[]> last = env.step(Map.of(LONG, 1));
    assertEquals(Optional.of(new EpisodeStats(3, 4)), last.step(LONG).info().episode());
    assertEquals(List.of(), env.agents());
    assertThrows(IllegalStateException.class, () -> env.step(Map.of()));
  }

  @Test
  void timeLimitTruncatesEveryLiveAgentAndEndsTheEpisode() {
    ParallelTimeLimit<String, double[], Integer> env =
        new ParallelTimeLimit<>(new TwoAgentEnv(), 3);
    env.reset(1);
    env.step(Map.of(SHORT, 0, LONG, 0));
    ParallelStep<String, double[]> second = env.step(Map.of(SHORT, 0, LONG, 0));
    assertTrue(second.step(SHORT).terminated());
    assertFalse(second.step(SHORT).truncated(), "the limit is not reached yet");
    ParallelStep<String, double[]> third = env.step(Map.of(LONG, 0));
    assertEquals(List.of(LONG), List.copyOf(third.steps().keySet()));
    assertTrue(third.step(LONG).truncated());
    assertFalse(third.step(LONG).terminated(), "running out of time is no end state");
    assertEquals(List.of(), env.agents(), "no agent is live after the cut");
    assertThrows(IllegalStateException.class, () -> env.step(Map.of(LONG, 0)));
    env.reset();
    assertEquals(List.of(SHORT, LONG), env.agents());
    assertEquals(0, env.elapsedSteps());
  }

  @Test
  void anAgentEndingOnTheLimitIsBothTerminatedAndTruncated() {
    ParallelTimeLimit<String, double[], Integer> env =
        new ParallelTimeLimit<>(new TwoAgentEnv(), 2);
    env.reset(1);
    env.step(Map.of(SHORT, 0, LONG, 0));
    ParallelStep<String, double[]> cut = env.step(Map.of(SHORT, 0, LONG, 0));
    Step<double[]> shortStep = cut.step(SHORT);
    assertTrue(shortStep.terminated() && shortStep.truncated());
    assertTrue(cut.step(LONG).truncated() && !cut.step(LONG).terminated());
  }

  @Test
  void statisticsOutsideATimeLimitCountTheCutEpisode() {
    ParallelRecordEpisodeStatistics<String, double[], Integer> env =
        new ParallelRecordEpisodeStatistics<>(new ParallelTimeLimit<>(new TwoAgentEnv(), 3));
    env.reset(1);
    env.step(Map.of(SHORT, 1, LONG, 1));
    env.step(Map.of(SHORT, 0, LONG, 1));
    ParallelStep<String, double[]> cut = env.step(Map.of(LONG, 1));
    assertEquals(Optional.of(new EpisodeStats(3, 3)), cut.step(LONG).info().episode());
  }

  /**
   * Raw observations: "short" 0, 1, 2 and "long" 0, 10, 20, 30. Each agent has its own statistics,
   * so both map to 0, 1, sqrt(3/2) over the first steps; "long" then sees 30 with mean 15 and
   * variance 125. Shared statistics would give other values.
   */
  @Test
  void normalisationKeepsOneSetOfStatisticsPerAgent() {
    ParallelNormalizeObservation<String, Integer> env =
        new ParallelNormalizeObservation<>(new TwoAgentEnv());
    Map<String, double[]> reset = env.reset(1).observations();
    assertArrayEquals(new double[] {0}, reset.get(SHORT), TOLERANCE);
    assertArrayEquals(new double[] {0}, reset.get(LONG), TOLERANCE);
    Map<String, double[]> first = env.step(Map.of(SHORT, 0, LONG, 0)).observations();
    assertEquals(1.0, first.get(SHORT)[0], TOLERANCE);
    assertEquals(1.0, first.get(LONG)[0], TOLERANCE);
    Map<String, double[]> second = env.step(Map.of(SHORT, 0, LONG, 0)).observations();
    assertEquals(Math.sqrt(1.5), second.get(SHORT)[0], TOLERANCE);
    assertEquals(Math.sqrt(1.5), second.get(LONG)[0], TOLERANCE);
    Map<String, double[]> third = env.step(Map.of(LONG, 0)).observations();
    assertEquals(15 / Math.sqrt(125), third.get(LONG)[0], TOLERANCE);
    assertEquals(3, env.statistics(SHORT).count());
    assertEquals(4, env.statistics(LONG).count());
    assertEquals(Box.unbounded(1), env.observationSpace(LONG));
    assertSame(env.observationSpace(LONG), env.observationSpace(LONG));
    assertThrows(IllegalArgumentException.class, () -> env.observationSpace("nobody"));
  }
}
