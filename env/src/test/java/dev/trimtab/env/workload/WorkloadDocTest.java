package dev.trimtab.env.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every fenced yaml block and every spec line in docs/formats/workload.md binds, so it cannot
 * drift.
 */
class WorkloadDocTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
  private static final Path DOC = PROJECT.resolve("docs/formats/workload.md");

  @Test
  void everyYamlExampleBinds() throws IOException {
    List<String> blocks = blocks("yaml");
    assertEquals(7, blocks.size(), "yaml blocks in " + DOC);
    Assumptions.assumeTrue(
        Files.isDirectory(TraceReplayTest.sharedData()), "shared data absent for trace examples");
    for (String block : blocks) {
      WorkloadSpec spec = WorkloadLoader.parseYaml(block, DOC.toString(), PROJECT);
      assertTrue(spec.meanRatePerS(60) > 0, block);
    }
  }

  @Test
  void everySpecExampleParses() throws IOException {
    List<String> blocks = blocks("text");
    assertEquals(1, blocks.size());
    Assumptions.assumeTrue(Files.isDirectory(TraceReplayTest.sharedData()), "shared data absent");
    for (String line : blocks.get(0).strip().split("\n")) {
      assertTrue(WorkloadLoader.parseSpec(line, PROJECT).meanRatePerS(60) > 0, line);
    }
  }

  /** The error lines the Limits section shows are what the loader says, word for word. */
  @Test
  void theLimitsSectionsErrorsAreTheLoadersOwn() throws IOException {
    List<String> blocks = blocks("console");
    assertEquals(1, blocks.size(), "console blocks in " + DOC);
    for (String line : blocks.get(0).strip().split("\n")) {
      String spec = line.substring("workload spec '".length(), line.indexOf("': field"));
      ConfigException e =
          assertThrows(ConfigException.class, () -> WorkloadLoader.parseSpec(spec, PROJECT));
      assertEquals(line, e.getMessage());
    }
  }

  private static List<String> blocks(String language) throws IOException {
    Matcher m =
        Pattern.compile("(?ms)^```" + Pattern.quote(language) + "\\n(.*?)^```$")
            .matcher(Files.readString(DOC));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
