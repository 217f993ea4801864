package dev.trimtab.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.api.EpisodeStats;
import dev.trimtab.env.api.Step;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Time limit and episode statistics on hand-computed counter episodes (goal 5, start 0). */
class TimeLimitAndStatisticsTest {

  @Test
  void timeLimitTruncatesOnTheLastAllowedStepAndNeverTerminates() {
    TimeLimit<double[], Integer> env = new TimeLimit<>(new CounterEnv(5, 0), 3);
    env.reset(1);
    assertFalse(env.step(1).done());
    assertFalse(env.step(1).done());
    Step<double[]> last = env.step(1);
    assertTrue(last.truncated());
    assertFalse(last.terminated(), "count 3 is not the goal");
    assertArrayEquals(new double[] {3}, last.observation());
    assertEquals(3, env.elapsedSteps());
    assertThrows(IllegalStateException.class, () -> env.step(1), "a step after the cut");
    env.reset();
    assertEquals(0, env.elapsedSteps());
    assertArrayEquals(new double[] {1}, env.step(1).observation(), "a new episode from 0");
  }

  @Test
  void anEndStateBeforeTheLimitIsTerminatedOnly() {
    TimeLimit<double[], Integer> env = new TimeLimit<>(new CounterEnv(2, 0), 10);
    env.reset(1);
    env.step(1);
    Step<double[]> end = env.step(1);
    assertTrue(end.terminated());
    assertFalse(end.truncated());
    assertThrows(IllegalStateException.class, () -> env.step(1));
  }

  @Test
  void anEndStateOnTheLastAllowedStepIsBoth() {
    TimeLimit<double[], Integer> env = new TimeLimit<>(new CounterEnv(2, 0), 2);
    env.reset(1);
    env.step(1);
    Step<double[]> end = env.step(1);
    assertTrue(end.terminated() && end.truncated());
  }

  @Test
  void timeLimitGuardsOrderAndDoesNotCountRefusedActions() {
    TimeLimit<double[], Integer> env = new TimeLimit<>(new CounterEnv(5, 0), 2);
    assertThrows(IllegalStateException.class, () -> env.step(1), "step before reset");
    env.reset(1);
    assertThrows(IllegalArgumentException.class, () -> env.step(7));
    assertEquals(0, env.elapsedSteps());
    assertThrows(IllegalArgumentException.class, () -> new TimeLimit<>(new CounterEnv(5, 0), 0));
  }

  /** Returns: 1 - 0.5 + 1 - 0.5 = 1 over 4 steps, then 4 x 1 = 4, then 5 x 1 = 5 to the goal. */
  @Test
  void statisticsAddUpTruncatedAndTerminatedEpisodes() {
    RecordEpisodeStatistics<double[], Integer> env =
        new RecordEpisodeStatistics<>(new TimeLimit<>(new CounterEnv(5, 0), 4));
    env.reset(9);
    assertEquals(Optional.empty(), env.step(1).info().episode());
    env.step(0);
    assertEquals(Optional.empty(), env.step(1).info().episode());
    assertEquals(Optional.of(new EpisodeStats(1.0, 4)), env.step(0).info().episode());

    env.reset();
    for (int i = 0; i < 3; i++) {
      env.step(1);
    }
    Step<double[]> cut = env.step(1);
    assertTrue(cut.truncated());
    assertEquals(Optional.of(new EpisodeStats(4.0, 4)), cut.info().episode());

    RecordEpisodeStatistics<double[], Integer> longer =
        new RecordEpisodeStatistics<>(new TimeLimit<>(new CounterEnv(5, 0), 10));
    longer.reset(9);
    Step<double[]> step = null;
    for (int i = 0; i < 5; i++) {
      step = longer.step(1);
    }
    assertTrue(step.terminated());
    assertEquals(Optional.of(new EpisodeStats(5.0, 5)), step.info().episode());
  }

  /** An episode abandoned by a reset does not leak into the next: -0.5 + 5 = 4.5 over 6 steps. */
  @Test
  void statisticsStartAgainAtEveryReset() {
    RecordEpisodeStatistics<double[], Integer> env =
        new RecordEpisodeStatistics<>(new CounterEnv(5, 0));
    env.reset(3);
    env.step(1);
    env.step(1);
    env.reset(3);
    env.step(0);
    Step<double[]> step = null;
    for (int i = 0; i < 5; i++) {
      step = env.step(1);
    }
    assertEquals(Optional.of(new EpisodeStats(4.5, 6)), step.info().episode());
  }
}
