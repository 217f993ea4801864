package dev.trimtab.testbed.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trimtab.env.topology.Topologies;
import dev.trimtab.env.topology.Topology;
import dev.trimtab.env.topology.TopologyLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopologyYamlTest {
  static java.util.List<String> bundled() {
    return Topologies.bundledNames();
  }

  @ParameterizedTest
  @MethodSource("bundled")
  void everyBundledTopologyReadsBackEqual(String name) {
    Topology t = Topologies.resolve(name);
    assertEquals(t, TopologyLoader.parse(TopologyYaml.write(t), "written"));
  }
}
