package dev.trimtab.env.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each mistake gives one ConfigException naming the file, the field path and what is allowed. */
class TopologyErrorsTest {
  private static final String GOOD = TopologyLoaderTest.TWO_SERVICES;
  private static final String FILE = "bad.yaml";

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake(
            "unknown key",
            edit("cpuLimitCores: 0.5", "cpuLimitCores: 0.5\n    cpuLimt: 1"),
            "services[0].cpuLimt",
            "allowed fields here: name, kind, replicas, cpuLimitCores, memoryLimitMiB"),
        mistake(
            "wrong type",
            edit("memoryLimitMiB: 256", "memoryLimitMiB: lots"),
            "services[0].memoryLimitMiB",
            "expected a number of MiB in (0, 1048576]; got the string \"lots\""),
        mistake(
            "negative limit",
            edit("cpuLimitCores: 0.5", "cpuLimitCores: -0.5"),
            "services[0].cpuLimitCores",
            "expected a number of cores in (0, 1024]; got the number -0.5"),
        mistake(
            "unknown kind",
            edit("kind: cpu", "kind: tpu"),
            "services[0].kind",
            "expected one of cpu, gpu; got the string \"tpu\""),
        mistake(
            "call to a missing service",
            edit("call: db/select\n", "call: dbx/select\n"),
            "endpoints[0].root.steps[0].call",
            "unknown service 'dbx'; known services: [web, db]"),
        mistake(
            "missing operation",
            edit("{call: db/insert}", "{call: db/upsert}"),
            "endpoints[0].root.steps[1].parallel[0].call",
            "has no operation 'upsert'; its operations: [select, insert]"),
        mistake(
            "duplicate service name",
            edit("  - name: db\n", "  - name: web\n"),
            "services[1].name",
            "service names must be unique"),
        mistake(
            "probability above 1",
            edit("probability: 0.25", "probability: 1.5"),
            "endpoints[0].root.steps[1].parallel[1].probability",
            "expected a probability in (0, 1]; got the number 1.5"),
        mistake(
            "empty services",
            "name: x\nservices: []\nendpoints: []\n",
            "services",
            "expected at least 1 services"),
        mistake(
            "percentile of 100",
            edit("percentile: 99.9", "percentile: 100"),
            "endpoints[0].slo.percentile",
            "expected a percentile in (0, 100); got the number 100"),
        mistake(
            "fractional replicas",
            edit("replicas: 3", "replicas: 1.5"),
            "services[0].replicas",
            "expected an integer in [1, 10000]; got the number 1.5"),
        mistake(
            "a billion replicas",
            edit("replicas: 3", "replicas: 1000000000"),
            "services[0].replicas",
            "expected an integer in [1, 10000]; got the number 1000000000"),
        mistake(
            "a million cores",
            edit("cpuLimitCores: 0.5", "cpuLimitCores: 1e6"),
            "services[0].cpuLimitCores",
            "expected a number of cores in (0, 1024]; got the number 1000000"),
        mistake(
            "infinite timeout",
            edit("timeoutMs: 2000", "timeoutMs: .inf"),
            "services[0].timeoutMs",
            "expected a number of ms in (0, 86400000]; got the number Infinity"),
        mistake(
            "NaN demand",
            edit("mean: 0.4", "mean: .nan"),
            "services[0].operations[0].demandCoreMs.mean",
            "expected a number of core-ms in (0, 3600000]; got the number NaN"),
        mistake(
            "zero queue bound",
            edit("queueBound: 50", "queueBound: 0"),
            "services[0].queueBound",
            "expected an integer in [1, 1000000]; got the number 0"),
        mistake(
            "zero timeout",
            edit("timeoutMs: 2000", "timeoutMs: 0"),
            "services[0].timeoutMs",
            "expected a number of ms in (0, 86400000]; got the number 0"),
        mistake(
            "negative startup",
            edit("startupMs: 1500", "startupMs: -1"),
            "services[0].startupMs",
            "expected a number of ms in [0, 86400000]; got the number -1"),
        mistake(
            "zero demand",
            edit("mean: 0.4", "mean: 0"),
            "services[0].operations[0].demandCoreMs.mean",
            "expected a number of core-ms in (0, 3600000]; got the number 0"),
        mistake(
            "negative cv",
            edit("cv: 2.0", "cv: -1"),
            "services[0].operations[0].demandCoreMs.cv",
            "expected a number in [0, 100]; got the number -1"),
        mistake(
            "zero weight",
            edit("weight: 3", "weight: 0"),
            "endpoints[0].weight",
            "expected a weight in (0, 1000000000]; got the number 0"),
        mistake(
            "negative network hop",
            edit("networkHopMs: 0.25", "networkHopMs: -0.1"),
            "networkHopMs",
            "expected a number of ms in [0, 86400000]; got the number -0.1"),
        mistake(
            "missing required field",
            edit("    workingSetMiB: 100\n", ""),
            "services[0].workingSetMiB",
            "this field is required"),
        mistake(
            "misspelt parallel",
            edit("- parallel:", "- paralel:"),
            "endpoints[0].root.steps[1].paralel",
            "allowed fields here: call, probability, steps, parallel"),
        mistake(
            "call without a slash",
            edit("root: {call: web/get}", "root: {call: web.get}"),
            "endpoints[1].root.call",
            "expected 'service/operation'"),
        mistake(
            "probability on the root",
            edit("root: {call: web/get}", "root: {call: web/get, probability: 0.5}"),
            "endpoints[1].root.probability",
            "allowed: 1.0 or leave it out"),
        mistake(
            "duplicate endpoint name",
            edit("- name: ping", "- name: read"),
            "endpoints[1].name",
            "endpoint names must be unique"),
        mistake(
            "duplicate operation name",
            edit("{name: insert,", "{name: select,"),
            "services[1].operations[1].name",
            "operation names must be unique in a service"),
        mistake(
            "bad service name",
            edit("- name: web\n", "- name: Web_1\n"),
            "services[0].name",
            "a DNS label"),
        mistake(
            "null value",
            edit("memoryLimitMiB: 1024", "memoryLimitMiB:"),
            "services[1].memoryLimitMiB",
            "got an empty value"),
        mistake(
            "steps not a list",
            edit("root: {call: web/get}", "root: {call: web/get, steps: db/select}"),
            "endpoints[1].root.steps",
            "expected a list of steps"),
        mistake(
            "empty parallel",
            edit("root: {call: web/get}", "root: {call: web/get, steps: [{parallel: []}]}"),
            "endpoints[1].root.steps[0].parallel",
            "expected at least 1 calls"),
        mistake(
            "unknown load-balancing policy",
            edit("queueBound: 50", "queueBound: 50\n    loadBalancing: least-connections"),
            "services[0].loadBalancing",
            "unknown load-balancing policy 'least-connections'; allowed: random, round-robin,"
                + " least-request, power-of-two-choices"),
        mistake(
            "load-balancing policy not a string",
            edit("queueBound: 50", "queueBound: 50\n    loadBalancing: [random]"),
            "services[0].loadBalancing",
            "expected a string; got a list"),
        mistake(
            "unknown CPU sharing mode",
            edit("queueBound: 50", "queueBound: 50\n    cpuSharing: ps"),
            "services[0].cpuSharing",
            "unknown CPU sharing mode 'ps'; allowed: fcfs, processor-sharing"),
        mistake(
            "processor sharing on a GPU service",
            edit(
                "kind: cpu",
                "kind: gpu\n    gpu: {profile: ResN50}\n    cpuSharing: processor-sharing"),
            "services[0].cpuSharing",
            "a gpu service runs one operation per device; allowed here: fcfs"),
        mistake(
            "top level unknown key",
            "nme: x\n" + GOOD,
            "nme",
            "allowed fields here: name, description, networkHopMs, services, endpoints"));
  }

  private static Arguments mistake(String what, String yaml, String field, String allowed) {
    return Arguments.of(what, yaml, field, allowed);
  }

  private static String edit(String from, String to) {
    if (!GOOD.contains(from)) {
      throw new IllegalArgumentException("test fixture lacks: " + from);
    }
    return GOOD.replaceFirst(java.util.regex.Pattern.quote(from), to);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void namesFileFieldAndWhatIsAllowed(String what, String yaml, String field, String allowed) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> TopologyLoader.parse(yaml, FILE), what);
    assertEquals(FILE, e.source());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith(FILE + ": field '" + field + "': "), e.getMessage());
    assertTrue(e.getMessage().contains(allowed), e.getMessage());
  }

  @Test
  void yamlSyntaxErrorGivesLineAndColumn() {
    String yaml = "name: x\nservices:\n  - name: a\n    cpuLimitCores: [1, 2\nendpoints: []\n";
    ConfigException e = assertThrows(ConfigException.class, () -> TopologyLoader.parse(yaml, FILE));
    assertEquals(FILE, e.source());
    assertEquals("", e.field());
    assertTrue(
        e.getMessage()
            .endsWith(
                ": not valid YAML at line 5, column 10: expected ',' or ']', but got :"
                    + " (while parsing a flow sequence started at line 4, column 20)"),
        e.getMessage());
  }

  @Test
  void duplicateYamlKeyIsAnError() {
    String yaml = GOOD.replace("replicas: 3", "replicas: 3\n    replicas: 4");
    ConfigException e = assertThrows(ConfigException.class, () -> TopologyLoader.parse(yaml, FILE));
    assertTrue(e.getMessage().contains("replicas"), e.getMessage());
    assertTrue(e.getMessage().contains("line 8"), e.getMessage());
  }

  @Test
  void moreThan100000ReplicasInAllAreRefused() {
    StringBuilder yaml = new StringBuilder("name: t\nservices:\n");
    for (int i = 0; i < 11; i++) {
      yaml.append("  - {name: s")
          .append(i)
          .append(", replicas: 10000, cpuLimitCores: 1, memoryLimitMiB: 1, workingSetMiB: 1,")
          .append(" operations: [{name: op, demandCoreMs: {mean: 1}}]}\n");
    }
    yaml.append(
        "endpoints:\n  - {name: e, slo: {percentile: 99, latencyMs: 10}, root: {call: s0/op}}\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> TopologyLoader.parse(yaml.toString(), FILE));
    assertEquals("services[10].replicas", e.field());
    assertTrue(
        e.getMessage().contains("110000 replicas in all; a topology may have at most 100000"));
  }

  @Test
  void anchorsAliasesAndMergeKeysBindLikeTheFileWrittenOut() {
    String written =
        """
        name: t
        services:
          - {name: a, replicas: 2, cpuLimitCores: 0.5, memoryLimitMiB: 256, workingSetMiB: 100,
             operations: [{name: op, demandCoreMs: {mean: 1, cv: 0.5}}]}
          - {name: b, replicas: 2, cpuLimitCores: 1.0, memoryLimitMiB: 256, workingSetMiB: 100,
             operations: [{name: op, demandCoreMs: {mean: 1, cv: 0.5}}]}
        endpoints:
          - {name: e, slo: {percentile: 99, latencyMs: 10}, root: {call: a/op, steps: [{call: b/op}]}}
        """;
    String anchored =
        """
        name: t
        services:
          - &base
            name: a
            replicas: 2
            cpuLimitCores: 0.5
            memoryLimitMiB: &mem 256
            workingSetMiB: 100
            operations: &ops [{name: op, demandCoreMs: {mean: 1, cv: 0.5}}]
          - <<: *base
            name: b
            cpuLimitCores: 1.0
            memoryLimitMiB: *mem
            operations: *ops
        endpoints:
          - {name: e, slo: {percentile: 99, latencyMs: 10}, root: {call: a/op, steps: [{call: b/op}]}}
        """;
    assertEquals(TopologyLoader.parse(written, FILE), TopologyLoader.parse(anchored, FILE));
  }

  @Test
  void emptyFileIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> TopologyLoader.parse("", FILE));
    assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
  }

  @Test
  void treeDeeperThan32CallsIsRejected() {
    assertEquals(32, depthOf(TopologyLoader.parse(chain(32), FILE).endpoints().get(0).root()));
    ConfigException e =
        assertThrows(ConfigException.class, () -> TopologyLoader.parse(chain(33), FILE));
    assertTrue(e.field().endsWith(".steps[0]"), e.field());
    assertEquals(32, e.field().split("steps", -1).length - 1, e.field());
    assertTrue(e.getMessage().contains("at most 32 nested calls"), e.getMessage());
  }

  @Test
  void moreThan10000CallsPerEndpointIsRejected() {
    assertEquals(10_000, TopologyLoader.parse(wide(9_999), FILE).endpoints().get(0).root().size());
    ConfigException e =
        assertThrows(ConfigException.class, () -> TopologyLoader.parse(wide(10_000), FILE));
    assertEquals("endpoints[0].root.steps[0].parallel[9999]", e.field());
    assertTrue(e.getMessage().contains("at most 10000"), e.getMessage());
  }

  private static final String ONE_SERVICE =
      """
      name: t
      services:
        - {name: a, cpuLimitCores: 1, memoryLimitMiB: 1, workingSetMiB: 1,
           operations: [{name: op, demandCoreMs: {mean: 1}}]}
      endpoints:
        - name: e
          slo: {percentile: 99, latencyMs: 10}
      """;

  /** An endpoint whose tree is a chain of {@code depth} calls, written in flow style. */
  private static String chain(int depth) {
    String node = "{call: a/op}";
    for (int d = 2; d <= depth; d++) {
      node = "{call: a/op, steps: [" + node + "]}";
    }
    return ONE_SERVICE + "    root: " + node + "\n";
  }

  /** An endpoint whose root makes {@code children} calls in parallel. */
  private static String wide(int children) {
    StringBuilder b = new StringBuilder(ONE_SERVICE);
    b.append("    root:\n      call: a/op\n      steps:\n        - parallel:\n");
    for (int i = 0; i < children; i++) {
      b.append("            - {call: a/op}\n");
    }
    return b.toString();
  }

  private static int depthOf(CallNode node) {
    int deepest = 0;
    for (CallNode.Step step : node.steps()) {
      for (CallNode child : step.parallel()) {
        deepest = Math.max(deepest, depthOf(child));
      }
    }
    return deepest + 1;
  }
}
