package dev.trimtab.env.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fenced yaml block and every spec line in docs/formats/workload.md binds, so it cannot
 * drift. Each example is its own test: those that need no real data always run, and those that read
 * {@code ../shared/data} follow {@link SharedData}'s rule (skipped without the data, failed under
 * CI=true).
 */
class WorkloadDocTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
  private static final Path DOC = PROJECT.resolve("docs/formats/workload.md");
  private static final Pattern SHARED = Pattern.compile("\\.\\./shared/data/([\\w./-]+)");

  @TestFactory
  Stream<DynamicTest> everyYamlExampleBinds() throws IOException {
    List<String> blocks = blocks("yaml");
    assertEquals(7, blocks.size(), "yaml blocks in " + DOC);
    return blocks.stream()
        .map(
            block ->
                DynamicTest.dynamicTest(
                    firstLine(block),
                    () -> {
                      WorkloadSpec spec =
                          WorkloadLoader.parseYaml(withSharedData(block), DOC.toString(), PROJECT);
                      assertTrue(spec.meanRatePerS(60) > 0, block);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everySpecExampleParses() throws IOException {
    List<String> blocks = blocks("text");
    assertEquals(1, blocks.size());
    return Stream.of(blocks.get(0).strip().split("\n"))
        .map(
            line ->
                DynamicTest.dynamicTest(
                    line,
                    () ->
                        assertTrue(
                            WorkloadLoader.parseSpec(withSharedData(line), PROJECT).meanRatePerS(60)
                                > 0,
                            line)));
  }

  /** The example with its {@code ../shared/data/...} paths pointing at the data actually used. */
  private static String withSharedData(String example) {
    Matcher m = SHARED.matcher(example);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(SharedData.require(m.group(1)).toString()));
    }
    return m.appendTail(out).toString();
  }

  private static String firstLine(String block) {
    return block.strip().lines().findFirst().orElse("(empty)");
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
