package dev.trimtab.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.api.Reset;
import dev.trimtab.env.api.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Same-step autoreset against a sequence worked out by hand. */
class SyncVectorEnvTest {

  /**
   * Two counters with goal 2 starting at 0. Actions [1,0], [1,1], [1,1], [0,0]: env 0 reaches the
   * goal on step 2 and env 1 on step 3; each is reset in that same call and its next action acts in
   * the new episode.
   */
  @Test
  void anEndedEpisodeIsResetInTheSameStepAndItsFinalObservationKept() {
    SyncVectorEnv<double[], Integer> vector = SyncVectorEnv.of(2, () -> new CounterEnv(2, 0));
    List<Reset<double[]>> resets = vector.reset(42);
    assertArrayEquals(new double[] {0}, resets.get(0).observation());

    VectorStep<double[]> s1 = vector.step(List.of(1, 0));
    assertEquals(Map.of(), s1.autoResets());
    assertObservations(List.of(1.0, 0.0), s1.observations());
    assertEquals(-0.5, s1.steps().get(1).reward());

    VectorStep<double[]> s2 = vector.step(List.of(1, 1));
    Step<double[]> final0 = s2.steps().get(0);
    assertTrue(final0.terminated());
    assertArrayEquals(new double[] {2}, final0.observation(), "the final observation is kept");
    assertEquals(List.of(0), List.copyOf(s2.autoResets().keySet()));
    assertObservations(List.of(0.0, 1.0), s2.observations());

    VectorStep<double[]> s3 = vector.step(List.of(1, 1));
    assertEquals(false, s3.steps().get(0).done(), "env 0 acts in its new episode");
    assertArrayEquals(new double[] {2}, s3.steps().get(1).observation());
    assertEquals(List.of(1), List.copyOf(s3.autoResets().keySet()));
    assertObservations(List.of(1.0, 0.0), s3.observations());

    VectorStep<double[]> s4 = vector.step(List.of(0, 0));
    assertObservations(List.of(1.0, 0.0), s4.observations());
    assertEquals(Map.of(), s4.autoResets());
  }

  @Test
  void truncatedEpisodesAreResetToo() {
    SyncVectorEnv<double[], Integer> vector =
        SyncVectorEnv.of(2, () -> new TimeLimit<>(new CounterEnv(5, 0), 2));
    vector.reset(1);
    vector.step(List.of(1, 0));
    VectorStep<double[]> cut = vector.step(List.of(1, 0));
    assertTrue(cut.steps().get(0).truncated() && cut.steps().get(1).truncated());
    assertArrayEquals(new double[] {2}, cut.steps().get(0).observation());
    assertObservations(List.of(0.0, 0.0), cut.observations());
  }

  /** Env i gets seed + i and its autoresets continue that seed's stream, like a lone env. */
  @Test
  void seedsAreSeedPlusIndexAndAutoresetsContinueTheStream() {
    SyncVectorEnv<double[], Integer> vector = SyncVectorEnv.of(3, () -> new CounterEnv(2, 1));
    List<CounterEnv> alone =
        List.of(new CounterEnv(2, 1), new CounterEnv(2, 1), new CounterEnv(2, 1));
    List<Reset<double[]>> resets = vector.reset(100);
    List<double[]> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      expected.add(alone.get(i).reset(100 + i).observation());
      assertArrayEquals(expected.get(i), resets.get(i).observation());
    }
    for (int t = 0; t < 6; t++) {
      VectorStep<double[]> step = vector.step(List.of(1, 1, 1));
      for (int i = 0; i < 3; i++) {
        Step<double[]> lone = alone.get(i).step(1);
        assertArrayEquals(lone.observation(), step.steps().get(i).observation());
        double[] next = lone.done() ? alone.get(i).reset().observation() : lone.observation();
        assertArrayEquals(next, step.observation(i), "env " + i + " at step " + t);
      }
    }
  }

  @Test
  void aBadActionIsRefusedBeforeAnyEnvSteps() {
    SyncVectorEnv<double[], Integer> vector = SyncVectorEnv.of(2, () -> new CounterEnv(5, 0));
    vector.reset(1);
    assertThrows(IllegalArgumentException.class, () -> vector.step(List.of(1, 5)));
    assertThrows(IllegalArgumentException.class, () -> vector.step(List.of(1)));
    assertObservations(List.of(1.0, 1.0), vector.step(List.of(1, 1)).observations());
  }

  @Test
  void envsMustShareSpacesAndAreAllClosed() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SyncVectorEnv<>(List.of(new CounterEnv(2, 0), new CounterEnv(3, 0))));
    CounterEnv a = new CounterEnv(2, 0);
    CounterEnv b = new CounterEnv(2, 0);
    new SyncVectorEnv<>(List.of(a, b)).close();
    assertEquals(1, a.closed);
    assertEquals(1, b.closed);
  }

  private static void assertObservations(List<Double> expected, List<double[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(new double[] {expected.get(i)}, actual.get(i), "env " + i);
    }
  }
}
