package dev.trimtab.env.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trimtab.env.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyLoaderTest {
  static final String TWO_SERVICES =
      """
      name: pair
      description: two services
      networkHopMs: 0.25
      services:
        - name: web
          kind: cpu
          replicas: 3
          cpuLimitCores: 0.5
          memoryLimitMiB: 256
          workingSetMiB: 100
          queueBound: 50
          timeoutMs: 2000
          startupMs: 1500
          operations:
            - {name: get, demandCoreMs: {mean: 0.4, cv: 2.0}}
        - name: db
          cpuLimitCores: 2
          memoryLimitMiB: 1024
          workingSetMiB: 512.5
          operations:
            - {name: select, demandCoreMs: {mean: 1.5}}
            - {name: insert, demandCoreMs: {mean: 2.5, cv: 0}}
      endpoints:
        - name: read
          weight: 3
          slo: {percentile: 99.9, latencyMs: 20}
          root:
            call: web/get
            steps:
              - call: db/select
                probability: 0.5
              - parallel:
                  - {call: db/insert}
                  - {call: db/select, probability: 0.25}
        - name: ping
          slo: {percentile: 50, latencyMs: 5}
          root: {call: web/get}
      """;

  @Test
  void parsesToExactlyTheExpectedRecords() {
    Topology expected =
        new Topology(
            "pair",
            "two services",
            0.25,
            List.of(
                new ServiceSpec(
                    "web",
                    ServiceKind.CPU,
                    3,
                    0.5,
                    256,
                    100,
                    50,
                    2000,
                    1500,
                    List.of(new OperationSpec("get", new Demand(0.4, 2.0)))),
                new ServiceSpec(
                    "db",
                    ServiceKind.CPU,
                    1,
                    2.0,
                    1024,
                    512.5,
                    1000,
                    10_000,
                    5_000,
                    List.of(
                        new OperationSpec("select", new Demand(1.5, 1.0)),
                        new OperationSpec("insert", new Demand(2.5, 0))))),
            List.of(
                new EndpointSpec(
                    "read",
                    3,
                    new Slo(99.9, 20),
                    new CallNode(
                        "web",
                        "get",
                        1.0,
                        List.of(
                            new CallNode.Step(
                                List.of(new CallNode("db", "select", 0.5, List.of()))),
                            new CallNode.Step(
                                List.of(
                                    new CallNode("db", "insert", 1.0, List.of()),
                                    new CallNode("db", "select", 0.25, List.of())))))),
                new EndpointSpec(
                    "ping", 1.0, new Slo(50, 5), new CallNode("web", "get", 1.0, List.of()))));
    assertEquals(expected, TopologyLoader.parse(TWO_SERVICES, "pair.yaml"));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Topology t = TopologyLoader.parse(TWO_SERVICES.replace("networkHopMs: 0.25\n", ""), "p");
    ServiceSpec db = t.service("db");
    assertEquals(0.1, t.networkHopMs());
    assertEquals(ServiceKind.CPU, db.kind());
    assertEquals(1, db.replicas());
    assertEquals(1000, db.queueBound());
    assertEquals(10_000, db.timeoutMs());
    assertEquals(5_000, db.startupMs());
    assertEquals(1.0, db.operation("select").demandCoreMs().cv());
    assertEquals(LoadBalancing.RANDOM, db.loadBalancing());
    assertEquals(CpuSharing.FCFS, db.cpuSharing());
  }

  @Test
  void loadBalancingAndCpuSharingAreReadByTheirDocumentedNames() {
    for (LoadBalancing policy : LoadBalancing.values()) {
      for (CpuSharing sharing : CpuSharing.values()) {
        String yaml =
            TWO_SERVICES.replace(
                "queueBound: 50",
                "queueBound: 50\n    loadBalancing: "
                    + policy.yamlName()
                    + "\n    cpuSharing: "
                    + sharing.yamlName());
        ServiceSpec web = TopologyLoader.parse(yaml, "p").service("web");
        assertEquals(policy, web.loadBalancing());
        assertEquals(sharing, web.cpuSharing());
      }
    }
    assertEquals(
        List.of("random", "round-robin", "least-request", "power-of-two-choices"),
        LoadBalancing.yamlNames());
    assertEquals(List.of("fcfs", "processor-sharing"), CpuSharing.yamlNames());
  }

  @Test
  void gpuKindIsReadWithItsGpuSection() {
    Topology t =
        TopologyLoader.parse(
            TWO_SERVICES.replace(
                "kind: cpu",
                "kind: gpu\n    gpu: {profile: memory-bound, devices: 2, frequencyMHz: 1000}\n"
                    + "    labels: {tier: inference}"),
            "p");
    ServiceSpec web = t.service("web");
    assertEquals(ServiceKind.GPU, web.kind());
    assertEquals("memory-bound", web.gpu().profile());
    assertEquals(2, web.gpu().devices());
    assertEquals(1012, web.gpu().frequencyMHz(), "snapped to the nearest V100 level");
    assertEquals(GpuSpec.DEFAULT_IDLE_POWER_W, web.gpu().idlePowerW());
    assertEquals(java.util.Map.of("tier", "inference"), web.labels());
    assertNull(t.service("db").gpu());
  }

  @Test
  void gpuSectionIsRequiredForGpuAndRefusedForCpu() {
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () -> TopologyLoader.parse(TWO_SERVICES.replace("kind: cpu", "kind: gpu"), "p"));
    assertEquals("services[0].gpu", missing.field());
    ConfigException onCpu =
        assertThrows(
            ConfigException.class,
            () ->
                TopologyLoader.parse(
                    TWO_SERVICES.replace("kind: cpu", "kind: cpu\n    gpu: {profile: ResN50}"),
                    "p"));
    assertEquals("services[0].gpu", onCpu.field());
    ConfigException profile =
        assertThrows(
            ConfigException.class,
            () ->
                TopologyLoader.parse(
                    TWO_SERVICES.replace("kind: cpu", "kind: gpu\n    gpu: {profile: A100}"), "p"));
    assertEquals("services[0].gpu.profile", profile.field());
    assertTrue(profile.getMessage().contains("dnn-inference"), profile.getMessage());
  }

  @Test
  void loadsFromAFileAndNamesTheFileInErrors(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("pair.yaml");
    Files.writeString(good, TWO_SERVICES);
    assertEquals(TopologyLoader.parse(TWO_SERVICES, "x"), TopologyLoader.load(good));

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, TWO_SERVICES.replace("replicas: 3", "replicas: 0"));
    ConfigException e = assertThrows(ConfigException.class, () -> TopologyLoader.load(bad));
    assertEquals(bad.toString(), e.source());
    assertEquals("services[0].replicas", e.field());
    assertTrue(e.getMessage().startsWith(bad.toString() + ":"), e.getMessage());
  }

  @Test
  void missingFileIsAConfigException(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> TopologyLoader.load(missing));
    assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
  }
}
