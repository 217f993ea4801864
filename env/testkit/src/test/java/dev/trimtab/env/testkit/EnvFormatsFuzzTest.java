package dev.trimtab.env.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.topology.TopologyLoader;
import dev.trimtab.env.workload.WorkloadLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The topology, workload-file and workload-spec formats under {@link ConfigFuzzer}: every mutant of
 * a valid file loads or is refused with one printable line naming the file.
 */
class EnvFormatsFuzzTest {
  @TempDir Path dir;

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = EnvFormatsFuzzTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  /** The mutations bite: most mutants are refused. */
  private static void assertMeaningful(ConfigFuzzer.Report r) {
    System.out.println("slowest: " + r.slowestMs() + " ms, " + r.slowestCase());
    assertTrue(r.refused() > r.cases() / 2, "most mutants are refused: " + r);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gpu-inference",
        "hotel-reservation",
        "media-microservices",
        "social-network",
        "train-ticket"
      })
  void bundledTopologies(String name) throws IOException {
    byte[] valid = resource("/dev/trimtab/env/topologies/" + name + ".yaml");
    Path file = dir.resolve(name + ".yaml");
    ConfigFuzzer.Report r =
        ConfigFuzzer.fuzz(valid, file, file.toString(), TopologyLoader::load, name.hashCode(), 40);
    assertEquals(40, r.cases());
    assertMeaningful(r);
  }

  @Test
  void workloadFiles() throws IOException {
    Files.writeString(dir.resolve("counts.txt"), "3 5 0 7 2 9 4 4 1 6\n");
    Files.writeString(
        dir.resolve("rows.csv"),
        "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.1,10,3\n"
            + "2023-11-16 18:15:46.9,20,4\n2023-11-16 18:15:48.2,5,1\n");
    List<String> files =
        List.of(
            "kind: poisson\npoisson: {ratePerS: 200}\ndurationS: 600\nmix: {a: 60, b: 40}\n",
            "kind: diurnal\ndiurnal:\n  minRatePerS: 50\n  maxRatePerS: 400\n  periodS: 3600\n"
                + "  phaseS: 0\ndurationS: 7200\n",
            "kind: mmpp\nmmpp:\n  ratesPerS: [100, 800]\n  meanSojournS: [30, 5]\n",
            "kind: flash-crowd\nflash-crowd:\n  baseRatePerS: 100\n  peakMultiple: 5\n"
                + "  startS: 120\n  rampS: 10\n  holdS: 60\n  decayS: 30\ndurationS: 300\n",
            "kind: trace\ntrace:\n  file: counts.txt\n  format: rps\n  smoothingS: 3\n  loop: true\n"
                + "targetMeanRatePerS: 50\nstartOffsetS: 1\ntimeCompression: 2\ndurationS: 20\n",
            "kind: trace\ntrace:\n  file: rows.csv\n  timestampColumn: TIMESTAMP\n"
                + "  promptTokensColumn: ContextTokens\nrateScale: 2.5\n");
    for (int i = 0; i < files.size(); i++) {
      Path file = dir.resolve("w" + i + ".yaml");
      ConfigFuzzer.Report r =
          ConfigFuzzer.fuzz(
              files.get(i).getBytes(StandardCharsets.UTF_8),
              file,
              file.toString(),
              WorkloadLoader::load,
              1000 + i,
              40);
      assertMeaningful(r);
    }
  }

  @Test
  void workloadSpecs() throws IOException {
    Files.writeString(dir.resolve("counts.txt"), "3 5 0 7 2 9 4 4 1 6\n");
    List<String> specs =
        List.of(
            "poisson:rate=200",
            "diurnal:min=50,max=400,period=3600",
            "mmpp:rates=100/800,sojourn=30/5",
            "flash-crowd:base=100,peak=5,start=120,ramp=10,hold=60,decay=30",
            "trace:file=counts.txt,target-rate=50,smoothing=3,duration=600",
            "poisson:rate=200,mix=read-home-timeline:60/compose-post:10,offset=5,compression=2");
    ConfigFuzzer.Report r =
        ConfigFuzzer.fuzzSpecs(
            specs,
            spec -> WorkloadLoader.parseSpec(spec, dir),
            spec -> "workload spec '" + spec.trim() + "'",
            7,
            600);
    assertMeaningful(r);
  }
}
