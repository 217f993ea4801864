package dev.trimtab.env.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepAndInfoTest {
  private static final InfoKey<Integer> QUEUE = InfoKey.named("queue");

  @Test
  void anEpisodeIsDoneOnEitherFlagAndTruncateKeepsTerminated() {
    assertFalse(Step.of("o", 1, false, false).done());
    assertTrue(Step.of("o", 1, true, false).done());
    assertTrue(Step.of("o", 1, false, true).done());
    Step<String> both = Step.of("o", 1, true, false).truncate();
    assertTrue(both.terminated() && both.truncated(), "truncating an end state keeps terminated");
    Step<String> cut = Step.of("o", 2.5, false, false).truncate();
    assertFalse(cut.terminated());
    assertEquals(2.5, cut.reward());
    assertThrows(IllegalArgumentException.class, () -> Step.of(null, 0, false, false));
    assertThrows(IllegalArgumentException.class, () -> Reset.of(null));
  }

  @Test
  void infoValuesAreTypedByTheirKeyAndInfosAreImmutable() {
    StepInfo empty = StepInfo.empty();
    StepInfo one = empty.with(QUEUE, 3);
    assertTrue(empty.isEmpty(), "with returns a new info");
    int queue = one.get(QUEUE).orElseThrow();
    assertEquals(3, queue);
    assertEquals(Optional.of(4), one.with(QUEUE, 4).get(QUEUE), "a later value replaces");
    assertEquals(Optional.empty(), one.episode());
    InfoKey<Integer> namesake = InfoKey.named("queue");
    assertEquals(Optional.empty(), one.get(namesake), "keys compare by identity, not name");
    assertThrows(IllegalArgumentException.class, () -> empty.with(QUEUE, null));
    assertThrows(IllegalArgumentException.class, () -> InfoKey.named(" "));
  }

  @Test
  void episodeStatsNeedAtLeastOneStep() {
    EpisodeStats stats = new EpisodeStats(2.5, 3);
    assertEquals(Optional.of(stats), StepInfo.of(EpisodeStats.KEY, stats).episode());
    assertThrows(IllegalArgumentException.class, () -> new EpisodeStats(0, 0));
  }

  @Test
  void parallelStepViewsKeepTheAgentOrderAndCannotBeChanged() {
    Map<String, Step<String>> steps = new LinkedHashMap<>();
    steps.put("zeta", Step.of("z", 1, false, false));
    steps.put("alpha", Step.of("a", 2, true, false));
    ParallelStep<String, String> step = new ParallelStep<>(steps);
    steps.clear();
    assertEquals(List.of("zeta", "alpha"), List.copyOf(step.steps().keySet()));
    assertEquals(List.of(1.0, 2.0), List.copyOf(step.rewards().values()));
    assertEquals(Map.of("zeta", false, "alpha", true), step.terminations());
    assertEquals(Map.of("zeta", false, "alpha", false), step.truncations());
    assertEquals(List.of("z", "a"), List.copyOf(step.observations().values()));
    assertThrows(UnsupportedOperationException.class, () -> step.steps().remove("zeta"));
    assertThrows(IllegalArgumentException.class, () -> step.step("beta"));
    assertSame(step.steps().get("alpha"), step.step("alpha"));
  }

  @Test
  void parallelResultsRejectNullAgentsOrValues() {
    Map<String, Reset<String>> resets = new LinkedHashMap<>();
    resets.put("a", null);
    assertThrows(IllegalArgumentException.class, () -> new ParallelReset<>(resets));
    assertNotEquals(StepInfo.empty(), StepInfo.of(QUEUE, 1));
  }
}
