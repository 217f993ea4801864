package dev.trimtab.faults.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.Suite;
import dev.trimtab.faults.problem.Suites;
import dev.trimtab.faults.problem.TaskKind;
import dev.trimtab.faults.spec.FaultSpec;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** live-basic is playable live: the boutique topology, kinds the live injector takes, minutes. */
class LiveBasicSuiteTest {

  @Test
  void everyProblemRunsOnTheBoutiqueWithLiveFaultsInAFewMinutesAndEveryTaskIsThere() {
    Suite suite = Suites.resolve("live-basic");
    double seconds = 0;
    Set<TaskKind> tasks = EnumSet.noneOf(TaskKind.class);
    for (Problem p : suite.problems()) {
      assertEquals("boutique", p.topology().name(), p.name());
      for (FaultSpec f : p.campaign().faults()) {
        assertTrue(LiveInjector.SUPPORTED.contains(f.kind()), p.name() + ": " + f.kind());
      }
      try (LiveInjector inj = LiveInjector.attach(new FakeTarget(p.topology()), p.campaign(), 1)) {
        assertEquals(p.campaign().faults().size(), inj.groundTruth().size());
      }
      seconds += p.durationS();
      tasks.add(p.task());
    }
    assertEquals(EnumSet.allOf(TaskKind.class), tasks);
    assertTrue(seconds <= 240, "a few minutes per controller and seed: " + seconds + " s");
    assertTrue(
        suite.problems().stream().map(Problem::name).collect(Collectors.toSet()).size() >= 3);
  }
}
