package dev.trimtab.faults.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trimtab.env.topology.ServiceSpec;
import dev.trimtab.faults.chaosmesh.ChaosMeshExporter;
import dev.trimtab.faults.problem.Problem;
import dev.trimtab.faults.problem.Suites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docker/chaos-mesh holds what the exporter writes for live-basic's campaigns, so the containerised
 * testbed and a Kubernetes cluster get the same faults as the local one. Run with {@code
 * -Dtrimtab.regenerate=true} to rewrite the files after a change.
 */
class DockerChaosMeshManifestsTest {
  private static final Path DIR = Path.of("..", "docker", "chaos-mesh");

  @Test
  void theCommittedManifestsAreWhatTheExporterWrites() throws IOException {
    boolean regenerate = Boolean.getBoolean("trimtab.regenerate");
    for (Problem p : Suites.resolve("live-basic").problems()) {
      String expected =
          ChaosMeshExporter.export(
              p.campaign(),
              p.topology().services().stream().map(ServiceSpec::name).toList(),
              "trimtab");
      Path file = DIR.resolve(p.name() + ".yaml");
      if (regenerate) {
        Files.createDirectories(DIR);
        Files.writeString(file, expected);
      }
      assertEquals(
          expected, Files.readString(file), file + " (regenerate: -Dtrimtab.regenerate=true)");
    }
  }
}
