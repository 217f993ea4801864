package dev.trimtab.faults.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.FaultSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled suites load, and chaos-basic covers what issue 4 asks of it. */
class BundledSuitesTest {
  private static final Path RESOURCES = Path.of("src/main/resources/dev/trimtab/faults/suites");

  @Test
  void chaosBasicHasThirtyProblemsOverThreeTopologiesAndEveryFaultKind() {
    Suite suite = Suites.resolve("chaos-basic");
    assertTrue(suite.problems().size() >= 30, "problems: " + suite.problems().size());
    Set<String> topologies =
        suite.problems().stream().map(p -> p.topology().name()).collect(Collectors.toSet());
    assertTrue(topologies.size() >= 3, "topologies: " + topologies);
    EnumSet<FaultKind> missing = EnumSet.allOf(FaultKind.class);
    for (Problem p : suite.problems()) {
      for (FaultSpec f : p.campaign().faults()) {
        missing.remove(f.kind());
      }
    }
    assertEquals(EnumSet.noneOf(FaultKind.class), missing, "fault kinds no problem injects");
    for (TaskKind task : TaskKind.values()) {
      assertTrue(
          suite.problems().stream().filter(p -> p.task() == task).count() >= 5,
          "at least five problems of task " + task);
    }
  }

  @Test
  void chaosOodLoadsWithTracesAndSimultaneousFaults() {
    Suite suite = Suites.resolve("chaos-ood");
    assertTrue(suite.problems().size() >= 10);
    assertTrue(
        suite.problems().stream().anyMatch(p -> p.workloadRef().startsWith("trace:")),
        "some problem replays a trace");
    long simultaneous =
        suite.problems().stream().filter(p -> overlapping(p.campaign().faults())).count();
    assertTrue(simultaneous >= 5, "problems with overlapping faults: " + simultaneous);
    assertEquals("bundled:chaos-ood", suite.source());
    assertTrue(suite.problems().get(0).source().startsWith("bundled:chaos-ood/"));
  }

  @Test
  void everyIndexListsExactlyTheFilesOfItsFolder() throws IOException {
    for (String name : Suites.bundledNames()) {
      Path dir = RESOURCES.resolve(name);
      Set<String> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files =
            walk.filter(Files::isRegularFile)
                .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .filter(f -> !f.equals("index.txt"))
                .collect(Collectors.toCollection(TreeSet::new));
      }
      assertEquals(files, new TreeSet<>(Suites.index(name)), name + "/index.txt");
    }
  }

  private static boolean overlapping(List<FaultSpec> faults) {
    for (int i = 0; i < faults.size(); i++) {
      for (int j = i + 1; j < faults.size(); j++) {
        FaultSpec a = faults.get(i);
        FaultSpec b = faults.get(j);
        if (a.startS() < b.endS() && b.startS() < a.endS()) {
          return true;
        }
      }
    }
    return false;
  }
}
