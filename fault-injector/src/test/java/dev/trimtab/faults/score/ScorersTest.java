package dev.trimtab.faults.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.sim.RunSummary;
import dev.trimtab.faults.inject.GroundTruth;
import dev.trimtab.faults.spec.CpuContention;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each scorer on a hand-made sequence of ten 5-s intervals (0-5, ..., 45-50) with a fault on
 * service "b" from 12 s to 32 s. Expected values are worked out by hand in the comments.
 */
class ScorersTest {
  private static final List<GroundTruth> FAULT =
      List.of(
          new GroundTruth(
              0,
              FaultKind.CPU_CONTENTION,
              List.of("b"),
              12_000,
              32_000,
              0.5,
              new CpuContention(Target.all("b"), 12, 20, 0.5)));

  /** Violated flags, alarm flags and top suspects per interval, as strings "V" / "A" / "x,y,z". */
  private static List<IntervalSample> samples(String violated, String alarms, String... tops) {
    List<IntervalSample> out = new ArrayList<>();
    for (int i = 0; i < violated.length(); i++) {
      out.add(
          new IntervalSample(
              5.0 * i,
              5.0 * (i + 1),
              violated.charAt(i) == 'V',
              10,
              2,
              2,
              512,
              alarms.charAt(i) == 'A',
              List.of(tops[i].split(","))));
    }
    return out;
  }

  private static final String[] TOPS = {
    "a,c,b", "a,c,b", "a,c,b", "c,b,a", "b,a,c", "a,b,c", "b,c,a", "a,c,b", "a,c,b", "a,c,b"
  };

  @Test
  void detectionTimeIsFromFaultStartToTheEndOfTheFirstAlarmedInterval() {
    // first alarm in interval 3 (15-20 s): detected 20 - 12 = 8 s after the start
    DetectionScore d = Scorers.detection(samples("..........", "...AAAAAAA", TOPS), FAULT);
    assertTrue(d.faulted());
    assertTrue(d.correct());
    assertEquals(8.0, d.timeToDetectS(), 1e-12);
    assertEquals(20.0, d.firstAlarmS(), 1e-12);
  }

  @Test
  void anAlarmBeforeTheFaultIsAFalseAlarmAndNoFaultNeedsSilence() {
    // interval 2 ends at 15 > 12: counts; interval 1 ends at 10 <= 12: false alarm
    assertTrue(Scorers.detection(samples("..........", "..A.......", TOPS), FAULT).correct());
    DetectionScore early = Scorers.detection(samples("..........", ".A........", TOPS), FAULT);
    assertFalse(early.correct());
    assertTrue(Double.isNaN(early.timeToDetectS()));
    assertTrue(Scorers.detection(samples("..........", "..........", TOPS), List.of()).correct());
    assertFalse(Scorers.detection(samples("..........", ".....A....", TOPS), List.of()).correct());
    assertFalse(Scorers.detection(samples("..........", "..........", TOPS), FAULT).correct());
  }

  @Test
  void localizationAnswersAtTheFaultsEndAndTimesTheFirstCorrectTopSuspect() {
    // fault ends at 32 s, inside interval 6 (30-35): answer "b,c,a" -> top-1 and top-3.
    // first interval ending after 12 s with top suspect b: interval 4 (20-25) -> 25 - 12 = 13 s
    LocalizationScore l = Scorers.localization(samples("..........", "..........", TOPS), FAULT);
    assertEquals(List.of("b", "c", "a"), l.answer());
    assertTrue(l.top1());
    assertTrue(l.top3());
    assertEquals(13.0, l.timeToLocalizeS(), 1e-12);
    String[] missed = TOPS.clone();
    missed[6] = "a,c,d";
    LocalizationScore m = Scorers.localization(samples("..........", "..........", missed), FAULT);
    assertFalse(m.top1());
    assertFalse(m.top3());
    missed[6] = "a,b,d";
    assertTrue(Scorers.localization(samples("..........", "..........", missed), FAULT).top3());
    assertNull(Scorers.localization(samples("..........", "..........", TOPS), List.of()));
  }

  @Test
  void timeToMitigateRunsToTheEndOfTheLastViolationAfterTheStart() {
    RunSummary summary =
        new RunSummary(100, 100, 0, 0, 0, 15, 1, 2, 1, 30, 100, 50, 1000, 500, 0.25, 25_600, 0);
    // violations in intervals 0 (before the fault), 3 and 5 (ends 20 and 30): 30 - 12 = 18 s;
    // 3 violated intervals of 5 s = 15 s
    MitigationScore m =
        Scorers.mitigation(samples("V..V.V....", "..........", TOPS), FAULT, summary);
    assertEquals(15.0, m.sloViolationS(), 1e-12);
    assertEquals(18.0, m.timeToMitigateS(), 1e-12);
    assertTrue(m.mitigated());
    assertEquals(100, m.cpuCoreS());
    assertEquals(25_600, m.memoryMiBS());
    assertEquals(500, m.energyJ());
    assertEquals(0.25, m.carbonG());
    // no violation after the start: mitigated at once; still violated at the end: never
    assertEquals(
        0.0,
        Scorers.mitigation(samples("V.........", "..........", TOPS), FAULT, summary)
            .timeToMitigateS());
    MitigationScore never =
        Scorers.mitigation(samples("...V.....V", "..........", TOPS), FAULT, summary);
    assertFalse(never.mitigated());
    assertTrue(Double.isNaN(never.timeToMitigateS()));
  }
}
