package dev.trimtab.faults.problem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.testkit.ConfigFuzzer;
import dev.trimtab.faults.Fixtures;
import dev.trimtab.faults.campaign.CampaignLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fault campaigns and problem files under {@link ConfigFuzzer}: every mutant loads or is refused
 * with one printable line naming the file (or a file it refers to).
 */
class FaultFormatsFuzzTest {
  @TempDir Path dir;

  private static void assertMeaningful(ConfigFuzzer.Report r) {
    System.out.println("slowest: " + r.slowestMs() + " ms, " + r.slowestCase());
    assertTrue(r.refused() > r.cases() / 2, "most mutants are refused: " + r);
  }

  @Test
  void theDocumentedCampaign() throws IOException {
    Path file = dir.resolve("campaign.yaml");
    ConfigFuzzer.Report r =
        ConfigFuzzer.fuzz(
            Fixtures.docExample().getBytes(StandardCharsets.UTF_8),
            file,
            file.toString(),
            CampaignLoader::load,
            11,
            100);
    assertMeaningful(r);
  }

  /** Bundled problems of both suites, with the topologies and traces they refer to. */
  @ParameterizedTest
  @CsvSource({
    "chaos-basic, loc-tt-network-delay.yaml",
    "chaos-basic, mit-ml-flash-crowd.yaml",
    "chaos-basic, mit-tt-trace-swap.yaml",
    "chaos-ood, ood-hr-conv-trace-loss-and-errors.yaml",
    "chaos-ood, ood-mm-double-partition.yaml",
  })
  void bundledProblems(String suite, String problem) throws IOException {
    for (String f : Suites.index(suite)) {
      Path target = dir.resolve(f);
      Files.createDirectories(target.getParent());
      try (InputStream in =
          Suites.class.getResourceAsStream("/dev/trimtab/faults/suites/" + suite + "/" + f)) {
        Files.write(target, in.readAllBytes());
      }
    }
    Path file = dir.resolve(problem);
    byte[] valid = Files.readAllBytes(file);
    ConfigFuzzer.Report r =
        ConfigFuzzer.fuzz(
            valid, file, file.toString(), ProblemLoader::load, problem.hashCode(), 40);
    assertMeaningful(r);
  }
}
