package dev.trimtab.faults.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The complete example of docs/formats/problem.md loads as the page says. */
class ProblemDocTest {
  @Test
  void completeExampleLoads() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "formats", "problem.md"));
    int from = doc.indexOf("```yaml", doc.indexOf("## Complete example")) + "```yaml\n".length();
    String yaml = doc.substring(from, doc.indexOf("```", from));
    Problem p = ProblemLoader.parse(yaml, "problem.md", Path.of("."));
    assertEquals("checkout-cpu-noisy-neighbour", p.name());
    assertEquals(TaskKind.LOCALIZATION, p.task());
    assertEquals(2, p.campaign().faults().size());
    assertEquals(95, p.sloOverrides().get("recommend").percentile());
    assertEquals(30, p.intervals());
  }
}
