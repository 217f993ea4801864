package dev.trimtab.cli.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trimtab.env.control.ClusterActuator;
import dev.trimtab.env.control.Controller;
import dev.trimtab.env.sim.IntervalMetrics;
import dev.trimtab.faults.problem.Suite;
import dev.trimtab.faults.problem.Suites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation on a two-problem suite: deterministic whatever the threads, scores in place. */
public class EvaluationTest {
  @TempDir Path dir;

  /** Adds a replica to every service after each interval that missed an SLO. */
  static final class ScaleOut implements Controller {
    @Override
    public String name() {
      return "scale-out";
    }

    @Override
    public void act(IntervalMetrics metrics, ClusterActuator cluster) {
      if (metrics.sloViolated()) {
        for (String s : cluster.services()) {
          cluster.setReplicas(s, cluster.replicas(s) + 1);
        }
      }
    }
  }

  static final ControllerRegistry REGISTRY =
      new ControllerRegistry() {
        @Override
        public List<String> names() {
          return List.of("static", "scale-out");
        }

        @Override
        public Controller create(String name) {
          return name.equals("scale-out") ? new ScaleOut() : ControllerRegistry.cli().create(name);
        }
      };

  /** Two short problems on hotel-reservation: a CPU hog to localize, a rate step to mitigate. */
  public static Path tinySuite(Path dir) throws IOException {
    return tinySuite(dir, 40);
  }

  /** The same two problems, {@code durationS} long (at least 40). */
  public static Path tinySuite(Path dir, int durationS) throws IOException {
    Path suite = Files.createDirectories(dir.resolve("tiny"));
    String common =
        "topology: hotel-reservation\nworkload: \"poisson:rate=150\"\ndurationS: "
            + durationS
            + "\nintervalS: 5\n";
    Files.writeString(
        suite.resolve("a-hog.yaml"),
        "name: a-hog\ntask: localization\n"
            + common
            + "campaign:\n  faults:\n"
            + "    - {kind: cpu-contention, target: {services: [geo, rate], mode: one},"
            + " startS: 10, durationS: 20, intensity: 1.0}\n");
    Files.writeString(
        suite.resolve("b-surge.yaml"),
        "name: b-surge\ntask: mitigation\n"
            + common
            + "slos:\n  search-hotels: {latencyMs: 30}\n"
            + "campaign:\n  faults:\n"
            + "    - {kind: rate-shift, startS: 10, durationS: 15, factor: 3}\n");
    return suite;
  }

  private byte[] leaderboard(Suite suite, int threads) {
    EvalPlan plan = new EvalPlan(suite, List.of("static", "scale-out"), List.of(1L, 2L), threads);
    Leaderboard board = Leaderboard.of(plan, Evaluation.run(plan, REGISTRY, () -> {}));
    return LeaderboardJson.render(board).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sameSeedsSameBytesWithOneOrTwoThreads() throws IOException {
    Suite suite = Suites.resolve(tinySuite(dir).toString());
    byte[] one = leaderboard(suite, 1);
    byte[] two = leaderboard(suite, 2);
    assertArrayEquals(one, two, "leaderboard.json differs between 1 and 2 threads");
    JsonNode json = new ObjectMapper().readTree(one);
    JsonNode rows = json.get("rows");
    assertEquals(2 * 2 * 2, rows.size());
    assertEquals("a-hog", rows.get(0).get("problem").asText());
    assertEquals("static", rows.get(0).get("controller").asText());
    assertEquals(2, rows.get(1).get("seed").asInt(), "order: problem, controller, seed");
    assertEquals("scale-out", rows.get(2).get("controller").asText());
    assertEquals(2, json.get("summary").size());
  }

  @Test
  void theControllerMattersForMitigation() throws IOException {
    Suite suite = Suites.resolve(tinySuite(dir).toString());
    EvalPlan plan = new EvalPlan(suite, List.of("static", "scale-out"), List.of(1L), 2);
    Leaderboard board = Leaderboard.of(plan, Evaluation.run(plan, REGISTRY, () -> {}));
    Summary fixed = board.summaries().get(0);
    Summary scaled = board.summaries().get(1);
    assertEquals(1, fixed.mitigationRuns());
    assertTrue(fixed.meanSloViolationS() > 0, "a 3x surge against a 30 ms SLO must hurt static");
    assertNotEquals(fixed.meanCpuCoreS(), scaled.meanCpuCoreS(), "scaling out costs CPU");
    String md = LeaderboardMarkdown.render(board);
    assertTrue(md.contains("| b-surge | scale-out |"), md);
  }
}
