package dev.trimtab.rca.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.testkit.ConfigFuzzer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RCA scenario files under {@link ConfigFuzzer}: every mutant of a bundled list loads or is refused
 * with one printable line naming the file.
 */
class ScenarioFuzzTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"sim-train", "loc-basic"})
  void bundledScenarioLists(String name) throws IOException {
    byte[] valid;
    try (InputStream in =
        ScenarioLoader.class.getResourceAsStream("/dev/trimtab/rca/scenarios/" + name + ".yaml")) {
      valid = in.readAllBytes();
    }
    Path file = dir.resolve(name + ".yaml");
    ConfigFuzzer.Report r =
        ConfigFuzzer.fuzz(
            valid,
            file,
            file.toString(),
            f -> ScenarioLoader.resolve(f.toString()),
            name.hashCode(),
            50);
    System.out.println("slowest: " + r.slowestMs() + " ms, " + r.slowestCase());
    assertTrue(r.refused() > r.cases() / 2, "most mutants are refused: " + r);
  }
}
