package dev.trimtab.faults.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import dev.trimtab.env.sim.Simulation;
import dev.trimtab.faults.Fixtures;
import dev.trimtab.faults.inject.SimulatedInjector;
import dev.trimtab.faults.spec.FaultKind;
import dev.trimtab.faults.spec.FlashCrowd;
import dev.trimtab.faults.spec.NetworkDelay;
import dev.trimtab.faults.spec.SelectorMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignLoaderTest {
  @Test
  void theDocumentedExampleLoadsAndRuns() throws IOException {
    Campaign c = CampaignLoader.parse(Fixtures.docExample(), "faults.md");
    assertEquals("checkout-bad-day", c.name());
    assertEquals(8, c.faults().size());
    NetworkDelay delay = (NetworkDelay) c.faults().get(1);
    assertEquals(50, delay.delayMs());
    assertEquals(5, delay.jitterMs());
    assertEquals("db", delay.to());
    assertEquals(SelectorMode.ONE, delay.target().mode());
    FlashCrowd crowd = (FlashCrowd) c.faults().get(5);
    assertEquals(30, crowd.holdS());
    assertEquals(FaultKind.TRACE_SWAP, c.faults().get(7).kind());
    Simulation sim = Simulation.create(Fixtures.shop(), Fixtures.poisson(5), 1);
    try (SimulatedInjector injector = SimulatedInjector.attach(sim, c, 1)) {
      assertEquals(List.of("cart"), injector.groundTruth().get(1).services());
      assertEquals(2, injector.groundTruth().get(2).services().size());
      for (int i = 0; i < 40; i++) {
        sim.runFor(10_000);
      }
    }
    assertTrue(sim.perturbations().active().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown kind        | faults: [{kind: cpu-hog, startS: 1, durationS: 1}]                      | faults[0].kind | cpu-contention, memory-bandwidth-contention
          unknown field       | faults: [{kind: hang, target: {services: [a], mode: all}, startS: 1, durationS: 1, intensity: 1}] | faults[0].intensity | unknown field; allowed fields here: kind, target, startS, durationS
          bad mode            | faults: [{kind: hang, target: {services: [a], mode: some}, startS: 1, durationS: 1}] | faults[0].target.mode | expected one of one, all, fixed, fixed-percent; got the string "some"
          missing start       | faults: [{kind: hang, target: {services: [a], mode: all}, durationS: 1}] | faults[0].startS | is required
          intensity range     | faults: [{kind: llc-contention, target: {services: [a], mode: all}, startS: 1, durationS: 1, intensity: 1.5}] | faults[0].intensity | expected an intensity in [0, 1]; got the number 1.5
          value with one      | faults: [{kind: hang, target: {services: [a], mode: one, value: 2}, startS: 1, durationS: 1}] | faults[0].target.value | only for modes fixed and fixed-percent
          fixed needs value   | faults: [{kind: hang, target: {services: [a], mode: fixed}, startS: 1, durationS: 1}] | faults[0].target.value | >= 1
          percent range       | faults: [{kind: hang, target: {services: [a], mode: fixed-percent, value: 150}, startS: 1, durationS: 1}] | faults[0].target.value | [1, 100]
          number as text      | faults: [{kind: rate-shift, startS: soon, durationS: 1, factor: 2}] | faults[0].startS | expected a number of seconds in [0, 315360000]; got the string "soon"
          target on workload  | faults: [{kind: rate-shift, target: {services: [a], mode: all}, startS: 1, durationS: 1, factor: 2}] | faults[0].target | unknown field; allowed fields here: kind, startS, durationS, factor
          both limits         | faults: [{kind: misconfigured-limit, target: {services: [a], mode: all}, startS: 1, durationS: 1, cpuLimitCores: 1, memoryLimitMiB: 1}] | faults[0].cpuLimitCores | exactly one of cpuLimitCores and memoryLimitMiB
          ramps too long      | faults: [{kind: flash-crowd, startS: 1, durationS: 10, peakMultiple: 3, rampUpS: 6, rampDownS: 6}] | faults[0].rampDownS | must not exceed durationS
          faults not a list   | faults: {kind: hang}                                                   | faults | expected a list of faults; got a map
          bad glob            | faults: [{kind: hang, target: {services: ["a/b"], mode: all}, startS: 1, durationS: 1}] | faults[0].target.services | globs of letters
          zero duration       | faults: [{kind: hang, target: {services: [a], mode: all}, startS: 1, durationS: 0}] | faults[0].durationS | expected a number of seconds in (0, 315360000]; got the number 0
          absurd replicas     | faults: [{kind: service-crash, target: {services: [a], mode: all}, startS: 1, durationS: 1, replicas: 1000000000}] | faults[0].replicas | expected an integer in [1, 10000]; got the number 1000000000
          absurd peak         | faults: [{kind: flash-crowd, startS: 1, durationS: 10, peakMultiple: 1e9}] | faults[0].peakMultiple | expected a factor in (0, 1000]; got the number 1000000000
          tiny steps          | faults: [{kind: flash-crowd, startS: 1, durationS: 100000, peakMultiple: 2, stepS: 0.01}] | faults[0].stepS | expected at most 1000000 steps (durationS / stepS); got 10000000; make stepS at least 0.1
          NaN delay           | faults: [{kind: network-delay, target: {services: [a], mode: all}, startS: 1, durationS: 1, delayMs: .nan}] | faults[0].delayMs | expected a number of ms in [0, 86400000]; got the number NaN
          bad label value     | faults: [{kind: hang, target: {labels: {tier: "a b"}, mode: all}, startS: 1, durationS: 1}] | faults[0].target.labels.tier | expected 1 to 63 letters
          unknown top field   | fault: []                                                 | fault | allowed fields here: name, description, faults (did you mean 'faults'?)
          """)
  void badFilesNameFileFieldAndAllowedValues(String what, String body, String field, String says) {
    String yaml = "name: bad\n" + body;
    ConfigException e =
        assertThrows(ConfigException.class, () -> CampaignLoader.parse(yaml, "bad.yaml"), what);
    assertEquals("bad.yaml", e.source());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith("bad.yaml: field '" + field + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }

  @Test
  void brokenYamlAndDuplicateKeysAndMissingFilesAreConfigErrors() {
    ConfigException dup =
        assertThrows(
            ConfigException.class,
            () -> CampaignLoader.parse("name: a\nname: b\nfaults: []\n", "dup.yaml"));
    assertTrue(
        dup.getMessage().contains("field 'name': duplicate key at line 2 (first at line 1)"),
        dup.getMessage());
    assertThrows(ConfigException.class, () -> CampaignLoader.parse("name: [", "broken.yaml"));
    assertThrows(ConfigException.class, () -> CampaignLoader.parse("", "empty.yaml"));
    ConfigException missing =
        assertThrows(ConfigException.class, () -> CampaignLoader.load(Path.of("no-such.yaml")));
    assertEquals("no-such.yaml", missing.source());
  }
}
