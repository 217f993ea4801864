package dev.trimtab.env.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.wrappers.NormalizeObservation;
import dev.trimtab.env.wrappers.ParallelRecordEpisodeStatistics;
import dev.trimtab.env.wrappers.ParallelTimeLimit;
import dev.trimtab.env.wrappers.RecordEpisodeStatistics;
import dev.trimtab.env.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

/**
 * The checkers pass correct toy envs (bare and wrapped) and fail each deliberately broken one with
 * an {@link EnvCheckException} that names the broken rule first in its message.
 */
class CheckersTest {
  private static final long SEED = 17;
  private static final int STEPS = 40;

  @Test
  void aCorrectEnvPassesAndItsEpisodesEnd() {
    CheckReport report = EnvChecker.check(() -> new ToyEnv(ToyEnv.Defect.NONE), SEED, STEPS);
    assertEquals(STEPS, report.steps());
    assertTrue(report.episodesEnded() >= STEPS / ToyEnv.MAX_STEPS, report.toString());
  }

  /** Starts at 0 to 2 and goal 4: a limit of 2 cuts or ends every episode at exactly 2 steps. */
  @Test
  void aWrappedEnvPassesAndTheReportCountsItsEpisodes() {
    CheckReport report =
        EnvChecker.check(
            () -> new RecordEpisodeStatistics<>(new TimeLimit<>(new ToyEnv(ToyEnv.Defect.NONE), 2)),
            SEED,
            9);
    assertEquals(new CheckReport(9, 4), report);
  }

  /** Every episode lasts exactly 4 steps (web is truncated at 4), so 10 steps end 2 episodes. */
  @Test
  void aCorrectParallelEnvPassesAndTheReportCountsItsEpisodes() {
    CheckReport report =
        ParallelEnvChecker.check(() -> new ToyParallelEnv(ToyParallelEnv.Defect.NONE), SEED, 10);
    assertEquals(new CheckReport(10, 2), report);
  }

  @Test
  void aWrappedParallelEnvPasses() {
    CheckReport report =
        ParallelEnvChecker.check(
            () ->
                new ParallelRecordEpisodeStatistics<>(
                    new ParallelTimeLimit<>(new ToyParallelEnv(ToyParallelEnv.Defect.NONE), 3)),
            SEED,
            STEPS);
    assertEquals(STEPS / 3, report.episodesEnded());
  }

  /**
   * A normaliser that keeps learning gives one instance different observations after its second
   * {@code reset(seed)}: the checker says so, and passes it once updating is off.
   */
  @Test
  void anUpdatingNormaliserIsNotResetDeterministicByDesign() {
    EnvCheckException failure =
        assertThrows(
            EnvCheckException.class,
            () ->
                EnvChecker.check(
                    () -> new NormalizeObservation<>(new ToyEnv(ToyEnv.Defect.NONE)), SEED, 10));
    assertEquals(EnvRule.RESET_DETERMINISTIC, failure.rule());
    EnvChecker.check(
        () -> {
          NormalizeObservation<Integer> env =
              new NormalizeObservation<>(new ToyEnv(ToyEnv.Defect.NONE));
          env.setUpdating(false);
          return env;
        },
        SEED,
        10);
  }

  @ParameterizedTest
  @EnumSource(value = ToyEnv.Defect.class, names = "NONE", mode = Mode.EXCLUDE)
  void eachBrokenEnvFailsTheRuleItBreaks(ToyEnv.Defect defect) {
    EnvCheckException failure =
        assertThrows(
            EnvCheckException.class, () -> EnvChecker.check(() -> new ToyEnv(defect), SEED, STEPS));
    assertNamesRule(defect.rule, failure);
  }

  @ParameterizedTest
  @EnumSource(value = ToyParallelEnv.Defect.class, names = "NONE", mode = Mode.EXCLUDE)
  void eachBrokenParallelEnvFailsTheRuleItBreaks(ToyParallelEnv.Defect defect) {
    EnvCheckException failure =
        assertThrows(
            EnvCheckException.class,
            () -> ParallelEnvChecker.check(() -> new ToyParallelEnv(defect), SEED, STEPS));
    assertNamesRule(defect.rule, failure);
  }

  @Test
  void aRunTooShortIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EnvChecker.check(() -> new ToyEnv(ToyEnv.Defect.NONE), SEED, 0));
  }

  private static void assertNamesRule(EnvRule expected, EnvCheckException failure) {
    assertEquals(expected, failure.rule(), failure.getMessage());
    String message = failure.getMessage();
    assertNotNull(message);
    assertTrue(
        message.startsWith("[" + expected.name() + "] " + expected.description() + ": "), message);
    assertTrue(message.length() > expected.name().length() + expected.description().length() + 10);
  }
}
