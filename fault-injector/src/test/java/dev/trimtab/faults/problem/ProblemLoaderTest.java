package dev.trimtab.faults.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.faults.spec.FaultKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binding problem files: what a good one gives, and what each mistake says. */
class ProblemLoaderTest {
  @TempDir Path dir;

  static final String GOOD =
      """
      name: tiny
      description: one CPU fault
      topology: hotel-reservation
      workload: "poisson:rate=100"
      task: localization
      durationS: 60
      intervalS: 5
      slos:
        search-hotels: {latencyMs: 400}
      campaign:
        faults:
          - kind: cpu-contention
            target: {services: [geo], mode: all}
            startS: 20
            durationS: 20
            intensity: 0.9
      """;

  @Test
  void bindsEveryPartAndAppliesSloOverrides() {
    Problem p = ProblemLoader.parse(GOOD, "p.yaml", dir);
    assertEquals("tiny", p.name());
    assertEquals(TaskKind.LOCALIZATION, p.task());
    assertEquals(12, p.intervals());
    assertEquals(
        "tiny", p.campaign().name(), "an inline campaign without a name takes the problem's");
    assertEquals(FaultKind.CPU_CONTENTION, p.campaign().faults().get(0).kind());
    assertEquals(
        400,
        p.topology().endpoints().stream()
            .filter(e -> e.name().equals("search-hotels"))
            .findFirst()
            .orElseThrow()
            .slo()
            .latencyMs());
    assertEquals(99, p.sloOverrides().get("search-hotels").percentile(), "percentile kept");
  }

  @Test
  void relativeCampaignAndTopologyFilesResolveAgainstTheProblemFolder() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(
        sub.resolve("faults.yaml"),
        "name: c\nfaults:\n  - {kind: rate-shift, startS: 5, durationS: 5, factor: 2}\n");
    Files.writeString(
        dir.resolve("p.yaml"),
        """
        name: rel
        topology: hotel-reservation
        workload: "poisson:rate=50"
        task: mitigation
        durationS: 30
        campaign: sub/faults.yaml
        """);
    Problem p = ProblemLoader.load(dir.resolve("p.yaml"));
    assertEquals("c", p.campaign().name());
    assertEquals(FaultKind.RATE_SHIFT, p.campaign().faults().get(0).kind());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown field|durationS: 60|durationS: 60\\ncolour: red|colour|unknown field; allowed fields"
            + " here: name, description, topology",
        "bad task|task: localization|task: repair|task|expected one of detection, localization,"
            + " mitigation; got the string \"repair\"",
        "bad name|name: tiny|name: Tiny Problem|name|lower-case letters",
        "bad duration|durationS: 60|durationS: -1|durationS|expected a number of seconds in (0,"
            + " 31622400]; got the number -1",
        "interval too long|intervalS: 5|intervalS: 90|intervalS|at most durationS) in [0.001, 60];"
            + " got the number 90",
        "unknown topology|topology: hotel-reservation|topology: hotel|topology|bundled:"
            + " boutique, gpu-inference, hotel-reservation",
        "bad workload|poisson:rate=100|poisson:rate=abc|workload|rate",
        "absurd rate|poisson:rate=100|poisson:rate=1e12|workload|workload spec 'poisson:rate=1e12':"
            + " field 'rate': expected a number of req/s in (0, 1000000]; got the number"
            + " 1000000000000",
        "too short an interval|intervalS: 5|intervalS: 0.00001|intervalS|in [0.001, 60]; got the"
            + " number 0.00001",
        "unknown endpoint in slos|search-hotels: {latencyMs: 400}|checkout: {latencyMs: 400}"
            + "|slos.checkout|known: [search-hotels",
        "bad slo|{latencyMs: 400}|{latencyMs: 0}|slos.search-hotels.latencyMs|expected a number of"
            + " ms in (0, 86400000]; got the number 0",
        "bad fault kind|kind: cpu-contention|kind: cpu-hog|campaign.faults[0].kind|expected one of"
            + " cpu-contention, memory-bandwidth-contention",
        "bad intensity|intensity: 0.9|intensity: 1.5|campaign.faults[0].intensity|[0, 1]",
        "bad mode|mode: all|mode: some|campaign.faults[0].target.mode|expected one of one, all,"
            + " fixed, fixed-percent; got the string \"some\"",
        "unknown service|services: [geo]|services: [nowhere]|campaign|nowhere",
        "fault past the end|startS: 20|startS: 50|campaign.faults[0]|after the problem's durationS",
        "localization without service fault|- kind: cpu-contention\\n      target: {services: [geo],"
            + " mode: all}\\n      startS: 20\\n      durationS: 20\\n      intensity: 0.9"
            + "|- {kind: rate-shift, startS: 20, durationS: 20, factor: 2}|task|at least one service"
            + " fault",
      })
  void mistakesNameFileFieldAndAllowedValues(
      String what, String from, String to, String field, String allowed) {
    String yaml = GOOD.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertTrue(!yaml.equals(GOOD), "the case must change the file: " + what);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ProblemLoader.parse(yaml, "bad.yaml", dir));
    assertEquals("bad.yaml", e.source(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(allowed), e.getMessage());
  }

  @Test
  void aHundredMillionControlIntervalsAtMost() {
    String yaml =
        GOOD.replace("durationS: 60", "durationS: 1000000")
            .replace("intervalS: 5", "intervalS: 0.001");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ProblemLoader.parse(yaml, "bad.yaml", dir));
    assertEquals("intervalS", e.field());
    assertTrue(
        e.getMessage()
            .endsWith(
                "expected at most 100000000 control intervals (durationS / intervalS);"
                    + " got 1000000000"),
        e.getMessage());
  }

  @Test
  void invalidYamlNamesTheLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ProblemLoader.parse("name: a\ndescription: x: y\n", "bad.yaml", dir));
    assertTrue(
        e.getMessage().startsWith("bad.yaml: not valid YAML at line 2, column 15: "),
        e.getMessage());
  }

  @Test
  void aSuiteFolderWithoutProblemsOrUnknownNameIsAnError() throws IOException {
    ConfigException none =
        assertThrows(ConfigException.class, () -> Suites.resolve(dir.toString()));
    assertTrue(none.getMessage().contains("no problem files"), none.getMessage());
    ConfigException unknown =
        assertThrows(ConfigException.class, () -> Suites.resolve("chaos-nope"));
    assertTrue(unknown.getMessage().contains("chaos-basic, chaos-ood"), unknown.getMessage());
    Files.writeString(dir.resolve("a.yaml"), GOOD);
    Files.writeString(dir.resolve("b.yaml"), GOOD.replace("task: localization", "task: bogus"));
    ConfigException bad = assertThrows(ConfigException.class, () -> Suites.resolve(dir.toString()));
    assertTrue(bad.getMessage().startsWith(dir + "/b.yaml: field 'task'"), bad.getMessage());
  }
}
