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
        "unknown field|durationS: 60|durationS: 60\\ncolour: red|colour|known fields",
        "bad task|task: localization|task: repair|task|allowed: [detection, localization,"
            + " mitigation]",
        "bad name|name: tiny|name: Tiny Problem|name|lower-case letters",
        "bad duration|durationS: 60|durationS: -1|durationS|a number of seconds > 0",
        "interval too long|intervalS: 5|intervalS: 90|intervalS|<= durationS",
        "unknown topology|topology: hotel-reservation|topology: hotel|topology|bundled:"
            + " boutique, gpu-inference, hotel-reservation",
        "bad workload|poisson:rate=100|poisson:rate=abc|workload|rate",
        "unknown endpoint in slos|search-hotels: {latencyMs: 400}|checkout: {latencyMs: 400}"
            + "|slos.checkout|known: [search-hotels",
        "bad slo|{latencyMs: 400}|{latencyMs: 0}|slos.search-hotels.latencyMs|> 0",
        "bad fault kind|kind: cpu-contention|kind: cpu-hog|campaign.faults[0].kind|known:",
        "bad intensity|intensity: 0.9|intensity: 1.5|campaign.faults[0].intensity|[0, 1]",
        "bad mode|mode: all|mode: some|campaign.faults[0].target.mode|allowed: [one, all, fixed,"
            + " fixed-percent]",
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
  void invalidYamlNamesTheLine() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ProblemLoader.parse("name: a\ndescription: x: y\n", "bad.yaml", dir));
    assertTrue(e.getMessage().startsWith("bad.yaml: not valid YAML (line 2)"), e.getMessage());
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
